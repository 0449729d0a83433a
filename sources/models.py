"""Source documents, the provenance of every record imported from them, and the conflicts
between documents (or a document and an editor) that wait for an editor's decision."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

QUOTE_LENGTH = 200  # characters of a document's line quoted as a fact's source
# A machine-made file name, never shown to a reader: '000_2593bb3e1f49e045.txt'.
MACHINE_NAME = re.compile(r"[0-9a-f]{12}", re.IGNORECASE)


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        BIOGRAPHY = "biography", _("Biography")
        WEB_INTERVIEW = "web_interview", _("Web interview")
        OUTLET_INTERVIEW = "outlet_interview", _("Outlet interview")

    file_name = models.CharField(_("file name"), max_length=300)
    checksum = models.CharField(_("SHA-256"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8, blank=True)
    # What a reader calls the document, filled by the importer from the record it gives:
    # an interview's title, outlet and date; a biography's player.
    title = models.CharField(_("title"), max_length=300, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    text = models.TextField(_("text"))
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last imported"), auto_now=True)
    report = models.JSONField(_("last report"), default=dict, blank=True)

    class Meta:
        ordering = ["-imported_at", "file_name"]
        # The importer finds a new version of a file by its name (a scan at 100,000
        # documents took 34 ms on PostgreSQL).
        indexes = [models.Index(fields=["file_name"], name="source_document_file_name")]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The document as a person reads it: 'kicker – “Title” (Web interview, 3 March
        2024)', 'Mio Backhaus (Biography)'; never its (hash) file name."""
        kind = str(self.get_kind_display() or self.kind)
        details = [kind]
        if self.published:
            details.append(formats.date_format(self.published, "DATE_FORMAT"))
        if self.given_name:  # tells two biographies of one player apart
            details.append(self.given_name)
        detail = ", ".join(details)
        title = f"“{self.title}”" if self.title and self.outlet else self.title
        name = " – ".join(part for part in (self.outlet, title) if part)
        if not name:  # imported before documents had titles
            imported = formats.date_format(timezone.localtime(self.imported_at), "DATE_FORMAT")
            return gettext("%(kind)s imported %(date)s") % {"kind": kind, "date": imported}
        return f"{name} ({detail})"

    @property
    def given_name(self) -> str:
        """The file's name without its extension when a person gave it
        ('backhaus-transfermarkt'); "" for a machine-made (hash) name."""
        stem = PurePath(self.file_name).stem
        return "" if MACHINE_NAME.search(stem) else stem

    def quote(self, line: int | None) -> str:
        """Line `line` (1-based) of the document's text, shortened: what a fact came from."""
        if not line:
            return ""
        lines = self.text.splitlines()
        if not 0 < line <= len(lines):
            return ""
        text = " ".join(lines[line - 1].split())
        return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


class Provenance(models.Model):
    """Record X came from document D, with the values D gave it at the last import.

    The stored values make re-imports three-way merges: a field whose current value
    differs from what the document last gave was changed by an editor and is kept.
    """

    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, related_name="provenance"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    imported_values = models.JSONField(default=dict, blank=True)
    line = models.PositiveIntegerField(_("line"), null=True, blank=True)

    class Meta:
        ordering = ["document__file_name", "line"]
        verbose_name_plural = _("provenance")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "content_type", "object_id"], name="provenance_unique"
            )
        ]
        # The admin and public pages ask "where did this record come from?"
        indexes = [models.Index(fields=["content_type", "object_id"], name="provenance_record")]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} from {self.document}"

    @property
    def quoted_line(self) -> str:
        return self.document.quote(self.line)

    def facts(self) -> list[tuple[str, str]]:
        """(field, value) of what the document gave the record, as an editor reads them."""
        model = self.content_type.model_class()
        return [readable_value(model, name, value) for name, value in self.imported_values.items()]


def readable_value(model: type[models.Model] | None, name: str, value: Any) -> tuple[str, str]:
    """A stored (JSON) value of field `name` as (field's name, value) a person reads:
    related records by name, 'did not take part' (None) and empty as '—'."""
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:  # a field removed since the import
        field = None
    label = str(getattr(field, "verbose_name", name))
    if value in (None, "", [], {}):
        return label, "—"
    related = getattr(field, "related_model", None)
    if related is not None:
        objects = related._default_manager.filter(
            pk__in=value if isinstance(value, list) else [value]
        )
        return label, ", ".join(str(obj) for obj in objects) or "—"
    if isinstance(value, bool):
        return label, gettext("yes") if value else gettext("no")
    return label, str(value)


class ConflictQuerySet(models.QuerySet["Conflict"]):
    def open(self) -> ConflictQuerySet:
        return self.filter(status=Conflict.Status.OPEN)

    def of_record(self, content_type_id: int, object_id: int) -> ConflictQuerySet:
        return self.filter(content_type_id=content_type_id, object_id=object_id)


class Conflict(models.Model):
    """A document states a value for a field that another document (or an editor) set:
    the current value stays until an editor keeps it or takes the document's.

    Values are stored in the importer's JSON form (related records by id) and, for the
    pages, as a person reads them. A decision is remembered: an import that proposes the
    value the editor turned down, against the value the editor chose, raises nothing.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        KEPT = "kept", _("current value kept")
        TAKEN = "taken", _("document's value taken")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    record_label = models.CharField(_("record"), max_length=300)
    # The record the conflicting one belongs to (its player or interview), to filter by.
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject_label = models.CharField(_("player or interview"), max_length=300, blank=True)
    field_name = models.CharField(_("field name"), max_length=100)
    field_label = models.CharField(_("field"), max_length=100)
    current_value = models.JSONField(_("current value"), null=True, blank=True)
    current_display = models.TextField(_("current value"), blank=True)
    current_document = models.ForeignKey(
        SourceDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source of the current value"),
        help_text=_("Empty: an editor set the current value."),
    )
    current_line = models.PositiveIntegerField(_("line"), null=True, blank=True)
    proposed_value = models.JSONField(_("document's value"), null=True, blank=True)
    proposed_display = models.TextField(_("document's value"), blank=True)
    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="conflicts",
        verbose_name=_("document"),
    )
    line = models.PositiveIntegerField(_("line"), null=True, blank=True)
    diff = models.TextField(_("difference"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    objects = ConflictQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("conflict")
        verbose_name_plural = _("conflicts")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name", "document"],
                condition=models.Q(status="open"),
                name="conflict_one_open_per_document_field",
            )
        ]
        # The importer asks "what was decided about this field of this record?"
        indexes = [models.Index(fields=["content_type", "object_id"], name="conflict_record")]

    def __str__(self) -> str:
        return f"{self.record_label}: {self.field_label}"

    @property
    def current_source(self) -> str:
        if self.current_document_id is None:
            return gettext("an editor")
        assert self.current_document is not None
        return self.current_document.label

    @property
    def current_quote(self) -> str:
        return self.current_document.quote(self.current_line) if self.current_document else ""

    @property
    def proposed_quote(self) -> str:
        return self.document.quote(self.line)

    @property
    def chosen_and_rejected(self) -> tuple[Any, Any]:
        """(value chosen, value turned down) of a resolved conflict."""
        if self.status == self.Status.TAKEN:
            return self.proposed_value, self.current_value
        return self.current_value, self.proposed_value
