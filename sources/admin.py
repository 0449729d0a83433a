"""Provenance and conflicts in the admin: where a record's facts came from, read as a person
reads a source, and the queue of conflicts an editor settles in one click."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sources.models import Conflict, Provenance
from sources.services import ConflictClosed, resolve_conflict


class ProvenanceInline(GenericTabularInline):
    """Read-only list of the documents a record was imported from: the document as a reader
    names it, the line quoted and what it gave, never a file name, JSON or ids."""

    model = Provenance
    extra = 0
    can_delete = False
    fields = ("source", "quoted_line", "facts", "open_conflicts")
    readonly_fields = fields
    verbose_name = _("source")
    verbose_name_plural = _("sources")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document", "content_type")

    @admin.display(description=_("document"))
    def source(self, obj: Provenance) -> str:
        return obj.document.label

    @admin.display(description=_("line"))
    def quoted_line(self, obj: Provenance) -> str:
        return quoted(obj.line, obj.quoted_line)

    @admin.display(description=_("what it gave"))
    def facts(self, obj: Provenance) -> str:
        return format_html_join("", "<div>{}: {}</div>", obj.facts()) or "—"

    @admin.display(description=_("in conflict"))
    def open_conflicts(self, obj: Provenance) -> str:
        """What this document says that differs from the record, waiting for an editor."""
        waiting = Conflict.objects.open().filter(
            content_type_id=obj.content_type_id, object_id=obj.object_id, document=obj.document
        )
        return (
            format_html_join(
                "",
                '<div><a href="{}">{}: “{}”</a></div>',
                (
                    (
                        reverse("admin:sources_conflict_change", args=[c.pk]),
                        c.field_label,
                        clip(c.proposed_display, 40),
                    )
                    for c in waiting
                ),
            )
            or "—"
        )


def quoted(line: int | None, text: str) -> str:
    if not line:
        return "—"
    if not text:
        return format_html("{} {}", _("line"), line)
    return format_html("{} {}: <q>{}</q>", _("line"), line, text)


# --- the conflicts queue ---


class TextFilter(admin.SimpleListFilter):
    """A filter typed into a box (a name, a title) instead of a list of every player."""

    template = "admin/sources/conflict/text_filter.html"

    def lookups(self, request, model_admin) -> list[tuple[str, str]]:
        return []

    def has_output(self) -> bool:
        return True

    def choices(self, changelist) -> Iterator[dict[str, Any]]:  # type: ignore[override]
        yield {
            "parameter": self.parameter_name,
            "value": self.value() or "",
            "others": [(k, v) for k, v in changelist.params.items() if k != self.parameter_name],
            "clear_url": changelist.get_query_string(remove=[self.parameter_name]),
        }


class PlayerFilter(TextFilter):
    title = _("player or interview")
    parameter_name = "player"

    def queryset(self, request, queryset: QuerySet[Conflict]) -> QuerySet[Conflict]:
        value = (self.value() or "").strip()
        return queryset.filter(subject_label__icontains=value) if value else queryset


class DocumentFilter(TextFilter):
    title = _("document")
    parameter_name = "document"

    def queryset(self, request, queryset: QuerySet[Conflict]) -> QuerySet[Conflict]:
        value = (self.value() or "").strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(document__title__icontains=value)
            | Q(document__outlet__icontains=value)
            | Q(document__file_name__icontains=value)
        )


class FieldFilter(admin.SimpleListFilter):
    """The fields in conflict (a short list: a model has few fields)."""

    title = _("field")
    parameter_name = "field"

    def lookups(self, request, model_admin) -> list[tuple[str, str]]:
        return list(
            Conflict.objects.order_by("field_label")
            .values_list("field_label", "field_label")
            .distinct()
        )

    def queryset(self, request, queryset: QuerySet[Conflict]) -> QuerySet[Conflict]:
        return queryset.filter(field_label=self.value()) if self.value() else queryset


def admin_url(content_type_id: int | None, object_id: int | None, view: str) -> str:
    """The admin's change (or history) page of a record, or "" when it has none."""
    from django.contrib.contenttypes.models import ContentType

    if content_type_id is None or object_id is None:
        return ""
    model = ContentType.objects.get_for_id(content_type_id)
    try:
        return reverse(f"admin:{model.app_label}_{model.model}_{view}", args=[object_id])
    except NoReverseMatch:
        return ""


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = (
        "record_label",
        "subject",
        "field_label",
        "current",
        "proposed",
        "status",
        "created_at",
    )
    list_filter = ("status", FieldFilter, PlayerFilter, DocumentFilter)
    list_select_related = ("document", "current_document")
    search_fields = ("subject_label", "record_label", "field_label", "document__title")
    fieldsets = [(None, {"fields": ("status", "resolved_by", "resolved_at")})]
    readonly_fields = ("status", "resolved_by", "resolved_at")
    actions = ["keep_current", "take_documents_value"]
    change_form_template = "admin/sources/conflict/change_form.html"
    list_per_page = 50
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("player or interview"), ordering="subject_label")
    def subject(self, obj: Conflict) -> str:
        query = urlencode({"player": obj.subject_label})
        return format_html('<a href="?{}">{}</a>', query, obj.subject_label)

    @admin.display(description=_("current value"))
    def current(self, obj: Conflict) -> str:
        return format_html("{}<br><small>{}</small>", clip(obj.current_display), obj.current_source)

    @admin.display(description=_("document's value"))
    def proposed(self, obj: Conflict) -> str:
        return format_html(
            "{}<br><small>{}</small>", clip(obj.proposed_display), obj.document.label
        )

    def get_urls(self) -> list:
        resolve = self.admin_site.admin_view(require_POST(self.resolve_view))
        return [
            path("<path:object_id>/resolve/", resolve, name="sources_conflict_resolve"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None) -> HttpResponse:
        conflict = self.get_object(request, unquote(object_id))
        context: dict[str, Any] = {
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        if conflict is not None:
            context |= {
                "conflict": conflict,
                "record_url": admin_url(conflict.content_type_id, conflict.object_id, "change")
                or admin_url(conflict.subject_type_id, conflict.subject_id, "change"),
                "history_url": admin_url(conflict.content_type_id, conflict.object_id, "history")
                or admin_url(conflict.subject_type_id, conflict.subject_id, "history"),
                "can_resolve": conflict.status == Conflict.Status.OPEN
                and self.has_change_permission(request, conflict),
            }
        return super().change_view(request, object_id, form_url, context | (extra_context or {}))

    def resolve_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        conflict = self.get_object(request, unquote(object_id))
        if conflict is None:
            raise Http404
        if not self.has_change_permission(request, conflict):
            raise PermissionDenied
        decision = request.POST.get("decision")
        if decision not in {"keep", "take"}:
            return HttpResponseBadRequest(
                _("Choose to keep the current value or to take the document's.")
            )
        self.settle(request, [conflict], take=decision == "take")
        return redirect(reverse("admin:sources_conflict_changelist") + "?status__exact=open")

    def settle(self, request: HttpRequest, conflicts, *, take: bool) -> int:
        done = 0
        for conflict in conflicts:
            try:
                resolve_conflict(conflict=conflict, take=take, user=request.user)  # type: ignore[arg-type]
            except ConflictClosed as closed:
                messages.warning(request, f"{conflict}: {closed}")
                continue
            self.log_change(request, conflict, str(conflict.get_status_display()))
            done += 1
        if done:
            messages.success(
                request,
                ngettext("%(count)d conflict settled.", "%(count)d conflicts settled.", done)
                % {"count": done},
            )
        return done

    @admin.action(description=_("Keep the current value"), permissions=["change"])
    def keep_current(self, request: HttpRequest, queryset: QuerySet[Conflict]) -> None:
        self.settle(request, queryset.filter(status=Conflict.Status.OPEN), take=False)

    @admin.action(description=_("Take the document's value"), permissions=["change"])
    def take_documents_value(self, request: HttpRequest, queryset: QuerySet[Conflict]) -> None:
        self.settle(request, queryset.filter(status=Conflict.Status.OPEN), take=True)


def clip(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
