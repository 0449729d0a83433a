"""Writes of the provenance layer: an editor settles a conflict between two sources."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sources.models import Conflict, Provenance


class ConflictClosed(Exception):
    """The conflict was already settled (another editor, another tab) or its record is gone."""


REASON_LENGTH = 100  # simple-history's change reason column


def short(text: str, length: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def write_value(instance: models.Model, name: str, value: Any) -> None:
    """Set field `name` of instance from its stored (JSON) form: related records by id,
    dates as ISO text. A many-to-many field is written at once; the rest on save()."""
    field = instance._meta.get_field(name)
    assert isinstance(field, models.Field), name
    if field.many_to_many:
        getattr(instance, name).set(value or [])
    elif field.is_relation:
        setattr(instance, field.attname, value)
    else:
        setattr(instance, name, field.to_python(value))


@transaction.atomic
def resolve_conflict(*, conflict: Conflict, take: bool, user: AbstractBaseUser) -> Conflict:
    """Keep the current value or take the document's; either way the record is saved with
    a history row naming the editor and the decision, and the decision is remembered by
    later imports (see imports.importer.records)."""
    # No select_related: PostgreSQL cannot lock the nullable side of an outer join.
    conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
    if conflict.status != Conflict.Status.OPEN:
        raise ConflictClosed(_("This conflict was already settled."))
    model = conflict.content_type.model_class()
    instance = model._default_manager.filter(pk=conflict.object_id).first() if model else None
    if instance is None:
        conflict.delete()
        raise ConflictClosed(_("The record of this conflict no longer exists."))
    if take:
        write_value(instance, conflict.field_name, conflict.proposed_value)
        reason = _("Conflict settled: %(field)s taken from %(source)s (“%(value)s”)") % {
            "field": conflict.field_label,
            "source": conflict.document.label,
            "value": short(conflict.proposed_display),
        }
    else:
        reason = _("Conflict settled: %(field)s “%(value)s” kept against %(source)s") % {
            "field": conflict.field_label,
            "value": short(conflict.current_display),
            "source": conflict.document.label,
        }
    instance._change_reason = short(reason, REASON_LENGTH)  # type: ignore[attr-defined]  # simple-history
    instance._history_user = user  # type: ignore[attr-defined]
    instance.save()
    conflict.status = Conflict.Status.TAKEN if take else Conflict.Status.KEPT
    conflict.resolved_by = user  # type: ignore[assignment]
    conflict.resolved_at = timezone.now()
    conflict.save()
    if take:
        _after_taking(conflict)
    return conflict


def _after_taking(conflict: Conflict) -> None:
    """The document's value is now the record's: its provenance says so, other open
    conflicts proposing the same value are moot, and the rest now stand against it."""
    row, _created = Provenance.objects.get_or_create(
        document=conflict.document,
        content_type=conflict.content_type,
        object_id=conflict.object_id,
        defaults={"line": conflict.line},
    )
    if row.imported_values.get(conflict.field_name) != conflict.proposed_value:
        row.imported_values = row.imported_values | {conflict.field_name: conflict.proposed_value}
        row.save(update_fields=["imported_values"])
    others = Conflict.objects.open().filter(
        content_type=conflict.content_type,
        object_id=conflict.object_id,
        field_name=conflict.field_name,
    )
    for other in others:
        if other.proposed_value == conflict.proposed_value:
            other.delete()
        else:
            other.current_value = conflict.proposed_value
            other.current_display = conflict.proposed_display
            other.current_document = conflict.document
            other.current_line = conflict.line
            other.save()
