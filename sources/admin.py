from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _

from clubs.base import filter_by_search
from sources.models import Provenance, SourceDocument


class ProvenanceInline(GenericTabularInline):
    """Read-only list of the documents a record was imported from."""

    model = Provenance
    extra = 0
    can_delete = False
    fields = ("document", "line", "imported_values")
    readonly_fields = fields
    verbose_name = _("source")
    verbose_name_plural = _("sources")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")


class NormalizedSearchMixin:
    """Admin search through the model's search_text: accent- and case-insensitive."""

    search_fields = ("search_text",)

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return filter_by_search(queryset, search_term), False


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("file_name", "kind", "language", "imported_at", "last_seen_at")
    list_filter = ("kind", "language")
    search_fields = ("file_name", "checksum")
    readonly_fields = (
        "file_name",
        "checksum",
        "kind",
        "language",
        "imported_at",
        "last_seen_at",
        "report",
        "text",
    )

    def has_change_permission(self, request, obj=None) -> bool:
        return False
