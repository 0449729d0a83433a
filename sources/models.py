"""Source documents and the provenance of every record imported from them."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        BIOGRAPHY = "biography", _("Biography")
        WEB_INTERVIEW = "web_interview", _("Web interview")
        OUTLET_INTERVIEW = "outlet_interview", _("Outlet interview")

    file_name = models.CharField(_("file name"), max_length=300)
    checksum = models.CharField(_("SHA-256"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8, blank=True)
    text = models.TextField(_("text"))
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last imported"), auto_now=True)
    report = models.JSONField(_("last report"), default=dict, blank=True)

    class Meta:
        ordering = ["-imported_at", "file_name"]

    def __str__(self) -> str:
        return self.file_name


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
