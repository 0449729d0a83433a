"""Provenance in the admin: the documents a record came from, read-only."""

from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _

from sources.models import Provenance


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
