from typing import Any

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import NormalizedSearchMixin
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from sources.admin import ProvenanceInline


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ("name", "website")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class TurnInline(admin.StackedInline):
    model = Turn
    fields = (("order", "kind", "speaker"), "text")
    extra = 0


class PhotoCreditInline(admin.TabularInline):
    model = PhotoCredit
    fields = ("order", "caption", "credit")
    extra = 0


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ("name", "player", "club")
    autocomplete_fields = ("player", "club")
    extra = 0


@admin.register(Interview)
class InterviewAdmin(NormalizedSearchMixin, SimpleHistoryAdmin):
    list_display = ("title", "outlet", "author", "published_at", "language", "turn_count", "status")
    list_filter = ("status", "language", "outlet")
    list_select_related = ("outlet",)
    autocomplete_fields = ("outlet", "players")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"
    inlines = [TurnInline, PhotoCreditInline, MentionInline, ProvenanceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_turns=Count("turns"))

    @admin.display(description=_("turns"), ordering="_turns")
    def turn_count(self, obj: Any) -> int:  # an Interview with get_queryset's count
        return int(obj._turns)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        form.instance.save()  # the players it is about feed the search text
