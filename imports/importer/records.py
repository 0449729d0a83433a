"""Writing one document's records: a merge that never lets one source overwrite another.

Every record a document gives goes through ``Recorder.sync``: find or create it, then for
each field compare the current value with the document's, and with the values documents
gave it before (``Provenance.imported_values``):

- current equals the document's value: nothing to do;
- current is empty and no document ever gave the field a value, or current is the value
  this same document gave at its last import (a new version of it) and no other document
  gave it: the document's value is written;
- otherwise another document or an editor set the current value: it stays, and a
  persistent conflict (``sources.Conflict``) waits for an editor, who keeps the current
  value or takes the document's. A decision is remembered: proposing the value the editor
  turned down against the one they chose raises nothing again; re-importing does not
  duplicate an open conflict.

Text compares after normalising line endings and surrounding white space: the admin's
form sends ``\r\n`` and strips the ends, so a save without a change is never a conflict.

A record is saved only when a field changed, so re-imports add no history rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from simple_history.utils import bulk_create_with_history

from core.history import create as create_with_history
from imports.importer.report import Change, Conflict, DocumentReport, text_diff
from imports.parsing.documents import ParseError
from sources.models import Conflict as QueuedConflict
from sources.models import Provenance, SourceDocument

EMPTY: tuple[Any, ...] = (None, "", [], {})
M = TypeVar("M", bound=models.Model)


class DocumentError(ParseError):
    """The importer's own error: a document that cannot be imported; names file and line.

    Same shape as the parser's error, so a caller handles both alike.
    """


class Invalid(Exception):
    """A value the model cannot hold; the service turns it into a DocumentError."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(message)


def serialize(value: Any) -> Any:
    """The JSON form a value is stored and compared in."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def comparable(value: Any) -> Any:
    """The form two values compare in: text with ``\n`` line endings and no surrounding
    white space (as the admin's form saves it); anything else as it is."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def concrete_field(model: type[models.Model] | models.Model, name: str) -> models.Field[Any, Any]:
    """The model's own field called name (never a reverse relation)."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{name} is not a field of {model._meta.label}"
    return field


def current_value(instance: models.Model, name: str) -> Any:
    model_field = concrete_field(instance, name)
    if model_field.many_to_many:
        if instance.pk is None:
            return []
        return sorted(getattr(instance, name).values_list("pk", flat=True))
    if model_field.is_relation:
        return getattr(instance, model_field.attname)
    return serialize(getattr(instance, name))


@dataclass(slots=True)
class _Pending:
    content_type_id: int
    object_id: int
    values: dict[str, Any]
    line: int | None


@dataclass(slots=True)
class Recorder:
    """Writes the records of one document and remembers where each came from."""

    document: SourceDocument
    report: DocumentReport
    # This document's provenance from its previous import, by (content type id, object id).
    previous: dict[tuple[int, int], Provenance] = field(default_factory=dict)
    touched: dict[tuple[int, int], _Pending] = field(default_factory=dict)
    created: bool = False  # did the last sync create its record?
    user: Any = None  # the editor uploading, for the history rows of bulk inserts
    deferred: dict[type[models.Model], list[models.Model]] = field(default_factory=dict)
    deferred_notes: list[tuple[models.Model, dict[str, Any], int | None]] = field(
        default_factory=list
    )
    raised: set[int] = field(default_factory=set)  # queued conflicts this import stands by

    @staticmethod
    def content_type_id(model: type[models.Model]) -> int:
        return ContentType.objects.get_for_model(model).pk  # cached by Django

    def check_lengths(
        self, model: type[models.Model], values: dict[str, Any], line: int | None
    ) -> None:
        for name, value in values.items():
            model_field = concrete_field(model, name)
            limit = getattr(model_field, "max_length", None)
            if isinstance(value, str) and limit and len(value) > limit:
                raise Invalid(
                    f"{model._meta.verbose_name} {model_field.verbose_name} is longer than "
                    f"{limit} characters: {value[:60]!r}…",
                    line,
                )

    def sync(
        self,
        model: type[M],
        *,
        lookup: dict[str, Any] | None,
        values: dict[str, Any],
        line: int | None,
        instance: M | None = None,
        create_only: dict[str, Any] | None = None,
        reference: bool = False,
        find: bool = True,
        quiet: tuple[str, ...] = (),
    ) -> M:
        """Find (by lookup) or create the record, merge values into it, note its source.

        values: the fields the document states (None only where None is a fact, as in
        'did not take part'); many-to-many fields as lists of instances.
        create_only: fields set on a new record but never compared (a club's name).
        reference: a shared record (club, country, season…) the document merely uses gets
        provenance only when the document created or changed it, so popular clubs do not
        collect a provenance row per player.
        find=False: the record cannot exist yet (its parent was just created): no lookup,
        and it is created with its siblings in one bulk insert (with history) at finish().
        quiet: fields whose editor's value is kept without reporting a conflict (the
        order of biography sections an editor rearranged).
        """
        lookup = lookup or {}
        self.check_lengths(model, values | lookup | (create_only or {}), line)
        label = str(model._meta.verbose_name)
        if instance is None and lookup and find:
            instance = model._default_manager.filter(**lookup).order_by("pk").first()
        plain = {k: v for k, v in values.items() if not model._meta.get_field(k).many_to_many}
        many = {k: v for k, v in values.items() if model._meta.get_field(k).many_to_many}
        if instance is None and not find and not many:
            instance = model(**lookup, **plain, **(create_only or {}))
            self.deferred.setdefault(model, []).append(instance)
            self.deferred_notes.append((instance, dict(values), line))
            self.report.count(label, "created")
            self.created = True
            return instance
        if instance is None:
            instance = model(**lookup, **plain, **(create_only or {}))
            # A new record: nothing to replace; one history row with its many-to-many values.
            create_with_history(instance, many)
            self.report.count(label, "created")
            written = self.created = True
        else:
            written = self.merge(instance, plain, many, line, quiet=quiet)
            self.created = False
        key = (self.content_type_id(model), instance.pk)
        if written or not reference or key in self.previous or key in self.touched:
            self.note(instance, {k: serialize_many(v) for k, v in values.items()}, line)
        return instance

    def merge(
        self,
        instance: models.Model,
        plain: dict[str, Any],
        many: dict[str, list],
        line: int | None,
        *,
        quiet: tuple[str, ...] = (),
    ) -> bool:
        given: list[tuple[int, int | None, dict[str, Any]]] | None = None  # read when needed
        changed: list[str] = []
        for name, value in (plain | many).items():
            new = serialize_many(value) if name in many else serialize(value)
            current = current_value(instance, name)
            if name in many:
                new = sorted(new)
            if comparable(current) == comparable(new):
                continue
            if given is None:
                given = self.given_before(instance)
            mine = [
                values[name]
                for doc, _, values in given
                if doc == self.document.pk and name in values
            ]
            others = [
                (doc, at) for doc, at, values in given if doc != self.document.pk and name in values
            ]
            setters = [
                (doc, at)
                for doc, at, values in given
                if doc != self.document.pk
                and name in values
                and comparable(values[name]) == comparable(current)
            ]
            own = comparable(current) in [comparable(v) for v in mine] and not setters
            if own or (not mine and not others and current in EMPTY):
                old = display(instance, name, current)
                if name in many:
                    getattr(instance, name).set(value)
                else:
                    setattr(instance, name, value)
                changed.append(name)
                self.report.changes.append(
                    Change(
                        record=f"{instance._meta.verbose_name} “{instance}”",
                        field=str(concrete_field(instance, name).verbose_name),
                        old=old,
                        new=display(instance, name, new),
                        line=line,
                    )
                )
            elif name not in quiet:
                self.conflict(instance, name, current, new, line, setters[0] if setters else None)
        if [name for name in changed if name in plain]:
            instance.save()
        self.report.count(str(instance._meta.verbose_name), "updated" if changed else "unchanged")
        return bool(changed)

    def conflict(
        self,
        instance: models.Model,
        name: str,
        current: Any,
        new: Any,
        line: int | None,
        setter: tuple[int, int | None] | None,
    ) -> None:
        """Queue (or find already queued) the document's value against the current one,
        and report it; nothing when an editor already decided between the two values."""
        key = (self.content_type_id(type(instance)), instance.pk)
        earlier = list(
            QueuedConflict.objects.of_record(*key).filter(field_name=name).order_by("-pk")
        )
        for decided in earlier:
            if decided.status == QueuedConflict.Status.OPEN:
                continue
            chosen, rejected = decided.chosen_and_rejected
            if comparable(chosen) == comparable(current) and comparable(rejected) == comparable(
                new
            ):
                return  # decided before: the editor's choice stands
        record_label = f"{instance._meta.verbose_name} “{instance}”"
        field_label = str(concrete_field(instance, name).verbose_name)
        values = {
            "record_label": record_label[:300],
            "field_label": field_label[:100],
            "current_value": current,
            "current_display": display(instance, name, current),
            "current_document_id": setter[0] if setter else None,
            "current_line": setter[1] if setter else None,
            "proposed_value": new,
            "proposed_display": display(instance, name, new),
            "line": line,
            "diff": text_diff(current, new),
        }
        queued = next(
            (
                q
                for q in earlier
                if q.status == QueuedConflict.Status.OPEN and q.document_id == self.document.pk
            ),
            None,
        )
        known = queued is not None
        if queued is None:
            subject = subject_of(instance)
            queued = QueuedConflict.objects.create(
                content_type_id=key[0],
                object_id=key[1],
                field_name=name,
                document=self.document,
                subject_type_id=self.content_type_id(type(subject)),
                subject_id=subject.pk,
                subject_label=str(subject)[:300],
                **values,
            )
        elif any(getattr(queued, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(queued, k, v)
            queued.save()
        self.raised.add(queued.pk)
        source = ""
        if queued.current_document_id is not None:
            source = SourceDocument.objects.get(pk=queued.current_document_id).label
        self.report.conflicts.append(
            Conflict(
                record=record_label,
                field=field_label,
                editor_value=values["current_display"],
                document_value=values["proposed_display"],
                line=line,
                diff=values["diff"],
                source=source,
                record_type=str(instance._meta.verbose_name),
                known=known,
            )
        )

    def given_before(self, instance: models.Model) -> list[tuple[int, int | None, dict[str, Any]]]:
        """(document id, line, values) of every document that gave this record values, as
        at its last import; this document's values given earlier in this import too."""
        key = (self.content_type_id(type(instance)), instance.pk)
        rows = Provenance.objects.filter(content_type_id=key[0], object_id=key[1]).values_list(
            "document_id", "line", "imported_values"
        )
        given = [
            (doc, line, {k: sorted(v) if isinstance(v, list) else v for k, v in values.items()})
            for doc, line, values in rows
        ]
        pending = self.touched.get(key)
        if pending is not None:
            given.append((self.document.pk, pending.line, pending.values))
        return given

    def note(self, instance: models.Model, values: dict[str, Any], line: int | None) -> None:
        key = (self.content_type_id(type(instance)), instance.pk)
        pending = self.touched.get(key)
        if pending is None:
            self.touched[key] = _Pending(key[0], key[1], dict(values), line)
        else:
            pending.values.update(values)
            if pending.line is None:
                pending.line = line

    def flush(self) -> None:
        """Create the deferred records, each model's in one bulk insert with its history."""
        returns_ids = connection.features.can_return_rows_from_bulk_insert
        for model, objects in self.deferred.items():
            history = history_manager(model)
            if history is None:
                model._default_manager.bulk_create(objects)
            elif returns_ids:
                # What bulk_create_with_history does (the ids come back from the insert),
                # minus its per-call overhead: the history manager looked up each time,
                # through a descriptor that builds a new manager class on every access.
                model._default_manager.bulk_create(objects)
                history.bulk_history_create(
                    objects, default_user=self.user, default_change_reason=None
                )
            else:
                bulk_create_with_history(objects, model, default_user=self.user)
        for instance, values, line in self.deferred_notes:
            self.note(instance, {k: serialize_many(v) for k, v in values.items()}, line)
        self.deferred, self.deferred_notes = {}, []

    def finish(self, *, deletable: tuple[type[models.Model], ...]) -> None:
        """Write provenance; drop what the document no longer says (unless an editor kept it)."""
        self.flush()
        new_rows = []
        for key, pending in self.touched.items():
            row = self.previous.get(key)
            if row is None:
                new_rows.append(
                    Provenance(
                        document=self.document,
                        content_type_id=pending.content_type_id,
                        object_id=pending.object_id,
                        imported_values=pending.values,
                        line=pending.line,
                    )
                )
            elif row.imported_values != pending.values or row.line != pending.line:
                row.imported_values, row.line = pending.values, pending.line
                row.save(update_fields=["imported_values", "line"])
        Provenance.objects.bulk_create(new_rows)
        if self.previous:  # a new document has no open conflicts yet: no query
            # An open conflict this import no longer raises is moot: the document now
            # agrees with the current value (or no longer states it).
            QueuedConflict.objects.open().filter(document=self.document).exclude(
                pk__in=self.raised
            ).delete()
        for key, row in self.previous.items():
            if key not in self.touched:
                self.drop(row, deletable)

    def drop(self, row: Provenance, deletable: tuple[type[models.Model], ...]) -> None:
        model = ContentType.objects.get_for_id(row.content_type_id).model_class()
        instance = model._default_manager.filter(pk=row.object_id).first() if model else None
        row.delete()
        if instance is None or model not in deletable:
            return
        others = Provenance.objects.filter(
            content_type_id=row.content_type_id, object_id=row.object_id
        ).exists()
        untouched = all(
            comparable(current_value(instance, name))
            == comparable(sorted(v) if isinstance(v, list) else v)
            for name, v in row.imported_values.items()
        )
        if others:
            return
        if untouched:
            instance.delete()
            self.report.count(str(model._meta.verbose_name), "deleted")
        else:
            self.report.warn(
                row.line,
                f"{model._meta.verbose_name} “{instance}” is no longer in the document; "
                "kept because an editor changed it",
            )


@cache
def history_manager(model: type[models.Model]) -> Any:
    """model's django-simple-history manager (None when it keeps no history); looked up
    once, as each access through the model builds a new manager class."""
    name = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, name) if name else None


def subject_of(instance: models.Model) -> models.Model:
    """The record a conflicting one belongs to, for the queue's filter: a statistics row's
    or a section's player, a turn's interview; a player or an interview itself."""
    for name in ("player", "interview"):
        try:
            model_field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.many_to_one:
            related = getattr(instance, name)
            if related is not None:
                return related
    return instance


def serialize_many(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return sorted(serialize(v) for v in value)
    return serialize(value)


def display(instance: models.Model, name: str, value: Any) -> str:
    """A value as an editor reads it: related records by name, empty as '—'."""
    if value in EMPTY:
        return "—"
    model_field = concrete_field(instance, name)
    if model_field.related_model is not None:
        related = model_field.related_model._default_manager.filter(
            pk__in=value if isinstance(value, list) else [value]
        )
        return ", ".join(str(r) for r in related) or str(value)
    return str(value)
