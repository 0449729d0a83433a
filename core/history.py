"""History that writes one entry per record per save, many-to-many fields included.

django-simple-history writes a row on every save and another on every change of a
many-to-many field it follows (``m2m_fields``). A form saves the record and then its
many-to-many fields, the importer creates a record and then adds its players: two rows
for one change. ``History`` folds the writes of one record that happen inside the same
transaction (the admin's change view, the importer's document) into the row the first
write made (outside a transaction: the writes of one request), so the history shows one
entry per save with the values it left.
"""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import models, router, transaction
from django.db.models import signals
from django.dispatch import receiver
from simple_history import utils
from simple_history.models import HistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    post_create_historical_record,
    pre_create_historical_m2m_records,
)

OPEN_ROW = "_history_open_row"
LAST_ROW = "_history_last_row"
THROUGH_ROWS = "_history_through_rows"  # the rows create() just inserted, not read back
_TRACKERS: dict[type[models.Model], "History"] = {}  # each model's History, for create()


@receiver(post_create_historical_record)
def _keep_last_row(sender: Any, instance: models.Model, history_instance: Any, **kw: Any) -> None:
    instance.__dict__[LAST_ROW] = history_instance


def _current_block(using: str) -> object | None:
    """The innermost transaction block the caller opened; a test case's own block (which
    spans the whole test) does not count, so tests see what production does."""
    blocks: list[object] = transaction.get_connection(using).atomic_blocks
    for block in reversed(blocks):
        if not getattr(block, "_from_testcase", False):
            return block
    return None


def _current_request() -> object | None:
    """The request being answered (simple-history's HistoryRequestMiddleware keeps it)."""
    request: object | None = getattr(HistoricalRecords.context, "request", None)
    return request


class History(HistoricalRecords):  # type: ignore[misc]  # simple-history is untyped
    """HistoricalRecords writing one row per record and transaction or request (an API
    update saves and then sets the many-to-many fields outside a transaction)."""

    def _open_row(self, instance: models.Model) -> Any:
        block, request, row = getattr(instance, OPEN_ROW, (None, None, None))
        if row is None:
            return None
        using = router.db_for_write(type(instance))
        if block is not None and any(
            b is block for b in transaction.get_connection(using).atomic_blocks
        ):
            return row
        if request is not None and request is _current_request():
            return row
        return None

    def _remember(self, instance: models.Model, row: Any) -> None:
        block = _current_block(router.db_for_write(type(instance)))
        request = _current_request()
        if block is not None or request is not None:
            setattr(instance, OPEN_ROW, (block, request, row))

    def finalize(self, sender: type[models.Model], **kwargs: Any) -> None:
        cls = getattr(self, "cls", None)
        if sender is not cls and sender._meta.proxy and sender._meta.concrete_model is cls:
            # Django signals a proxy's saves with the proxy as sender (a Loan is a Spell).
            signals.post_save.connect(self.post_save, sender=sender, weak=False)
            signals.pre_delete.connect(self.pre_delete, sender=sender, weak=False)
            signals.post_delete.connect(self.post_delete, sender=sender, weak=False)
            return
        super().finalize(sender, **kwargs)
        if sender is cls:
            _TRACKERS[sender] = self

    def _unchanged(self, instance: models.Model) -> bool:
        """A save that leaves every field as the last row has it (the admin saves the
        main record even when only an inline changed) writes no row."""
        latest = getattr(instance, self.manager_name).order_by("-history_id").first()
        if latest is None or latest.history_type == "-":
            return False
        return all(
            getattr(latest, f.attname) == getattr(instance, f.attname)
            for f in self.fields_included(instance)
            if not getattr(f, "auto_now", False)  # updated_at moves on every save
        )

    def _refresh(self, row: Any, instance: models.Model) -> None:
        """The open row takes the values the record has now, many-to-many included."""
        for field in self.fields_included(instance):
            setattr(row, field.attname, getattr(instance, field.attname))
        row.save()
        for field in row._history_m2m_fields:
            self.m2m_models[field].objects.filter(history=row).delete()
        self.create_historical_record_m2ms(row, instance)

    def create_historical_record_m2ms(self, history_instance: Any, instance: models.Model) -> None:
        """simple-history's, minus two reads per save: it rebuilt the record from its
        history row (``history_instance.instance``: a query for the excluded fields) only to
        find the through model, and joined the related rows only to copy their ids."""
        for field in history_instance._history_m2m_fields:
            m2m_history_model = self.m2m_models[field]
            through_model = field.remote_field.through
            attnames = [f.attname for f in through_model._meta.fields]
            rows = instance.__dict__.get(THROUGH_ROWS, {}).get(field.name)
            if rows is None:
                rows = through_model._default_manager.filter(
                    **{utils.get_m2m_field_name(field): instance}
                ).values_list(*attnames)
            insert_rows = [
                m2m_history_model(history=history_instance, **dict(zip(attnames, row, strict=True)))
                for row in rows
            ]
            pre_create_historical_m2m_records.send(
                sender=m2m_history_model,
                rows=insert_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )
            created_rows = m2m_history_model.objects.bulk_create(insert_rows)
            post_create_historical_m2m_records.send(
                sender=m2m_history_model,
                created_rows=created_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )

    def create_historical_record(
        self, instance: models.Model, history_type: str, using: str | None = None
    ) -> None:
        super().create_historical_record(instance, history_type, using=using)
        if history_type == "-":
            instance.__dict__.pop(OPEN_ROW, None)
            return
        row = instance.__dict__.pop(LAST_ROW, None)
        if row is not None:
            self._remember(instance, row)

    def post_save(
        self, instance: models.Model, created: bool, using: Any = None, **kwargs: Any
    ) -> None:
        row = None if created else self._open_row(instance)
        if row is None and not created and self._unchanged(instance):
            return
        if row is None or kwargs.get("raw", False):
            super().post_save(instance, created, using=using, **kwargs)
        elif getattr(settings, "SIMPLE_HISTORY_ENABLED", True) and not hasattr(
            instance, "skip_history_when_saving"
        ):
            self._refresh(row, instance)

    def m2m_changed(
        self, instance: models.Model, action: str, attr: str, pk_set: Any, reverse: bool, **kw: Any
    ) -> None:
        if reverse:
            # player.interviews.add(interview): each interview's players changed.
            if action in ("post_add", "post_remove") and pk_set:
                for record in kw["model"]._default_manager.filter(pk__in=pk_set):
                    self.m2m_changed(record, action, attr, None, False)
            return
        row = self._open_row(instance)
        if row is None:
            super().m2m_changed(instance, action, attr, pk_set, reverse, **kw)
        elif action in ("post_add", "post_remove", "post_clear"):
            self._refresh(row, instance)


def create(instance: models.Model, many: dict[str, Sequence[models.Model]]) -> None:
    """Insert a new record and its many-to-many values with the one history row that
    ``save()`` and then ``add()`` leave (a row, then the same row rewritten with the
    values): the record, its through rows in one insert, then its history row and that
    row's many-to-many rows. The through rows send no ``m2m_changed``: the record's
    ``post_save`` has already told every receiver that cares (the content version)."""
    tracker = _TRACKERS.get(type(instance))
    if tracker is None:
        instance.save()
        for name, objects in many.items():
            getattr(instance, name).add(*objects)
        return
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        instance.save()
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    inserted: dict[str, list[tuple[Any, ...]]] = {}
    for name, objects in many.items():
        manager = getattr(instance, name)
        through = manager.through
        unique = {obj.pk: obj for obj in objects}
        rows = through._default_manager.bulk_create(
            [
                through(**{manager.source_field_name: instance, manager.target_field_name: obj})
                for obj in unique.values()
            ]
        )
        if all(row.pk is not None for row in rows):  # the database returned the ids
            attnames = [f.attname for f in through._meta.fields]
            inserted[name] = [tuple(getattr(row, a) for a in attnames) for row in rows]
    if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        instance.__dict__[THROUGH_ROWS] = inserted
        try:
            tracker.create_historical_record(instance, "+")
        finally:
            del instance.__dict__[THROUGH_ROWS]
