from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from clubs.models import Club, ClubName, Competition, Country, NationalTeam, Season
from core.admin import InlineHistoryMixin, NormalizedSearchMixin, refresh_search_text
from sources.admin import ProvenanceInline


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "demonym")
    search_fields = ("name", "code", "demonym")


class ClubNameInline(admin.TabularInline):
    model = ClubName
    extra = 1


@admin.register(Club)
class ClubAdmin(InlineHistoryMixin, NormalizedSearchMixin, SimpleHistoryAdmin):
    list_display = ("crest_thumbnail", "name", "country", "parent", "status")
    list_display_links = ("name",)
    list_filter = ("status", "country")
    list_select_related = ("country", "parent")
    autocomplete_fields = ("parent", "country")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [ClubNameInline, ProvenanceInline]
    # No COUNT(*) over the whole table on every page of a large changelist.
    show_full_result_count = False
    history_related = ((ClubName, "club"),)

    @admin.display(description=_("crest"))
    def crest_thumbnail(self, obj: Club) -> str:
        if not obj.crest:
            return ""
        return format_html('<img src="{}" alt="" width="32" height="32">', obj.crest.url)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        refresh_search_text(form.instance)  # alternative names feed the search text


@admin.register(Competition)
class CompetitionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "country", "tier", "kind")
    list_filter = ("kind", "country")
    list_select_related = ("country",)
    search_fields = ("name",)
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Season)
class SeasonAdmin(admin.ModelAdmin):
    list_display = ("label", "start_year", "end_year")
    search_fields = ("start_year", "end_year")


@admin.register(NationalTeam)
class NationalTeamAdmin(NormalizedSearchMixin, SimpleHistoryAdmin):
    list_display = ("name", "country", "level")
    list_filter = ("level",)
    list_select_related = ("country",)
    autocomplete_fields = ("country",)
