from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    PLAIN_TEXT,
    AutocompleteFilter,
    AutocompleteFilterMedia,
    InlineHistoryMixin,
    NormalizedSearchMixin,
    SortableInlinesAdmin,
    SortableStackedInline,
    refresh_search_text,
)
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from sources.admin import ProvenanceInline


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ("name", "website")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class TurnInline(SortableStackedInline):
    """Dragged into order; the order field is kept hidden by adminsortable2."""

    model = Turn
    fields = (("kind", "speaker"), "text")
    formfield_overrides = PLAIN_TEXT
    extra = 0


class PhotoCreditInline(admin.TabularInline):
    model = PhotoCredit
    fields = ("order", "caption", "credit")
    formfield_overrides = PLAIN_TEXT
    extra = 0


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ("name", "player", "club")
    autocomplete_fields = ("player", "club")
    extra = 0


@admin.register(Interview)
class InterviewAdmin(
    InlineHistoryMixin,
    AutocompleteFilterMedia,
    SortableInlinesAdmin,
    NormalizedSearchMixin,
    SimpleHistoryAdmin,
):
    list_display = ("title", "outlet", "author", "published_at", "language", "status")
    list_filter = ("status", "language", ("outlet", AutocompleteFilter))
    # No COUNT(*) over the whole table on every page of a large changelist.
    show_full_result_count = False
    formfield_overrides = PLAIN_TEXT
    history_related = ((Turn, "interview"), (PhotoCredit, "interview"), (Mention, "interview"))
    list_select_related = ("outlet",)
    autocomplete_fields = ("outlet", "players")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"
    inlines = [TurnInline, PhotoCreditInline, MentionInline, ProvenanceInline]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        refresh_search_text(form.instance)  # the players it is about feed the search text
