from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    PLAIN_TEXT,
    AutocompleteFilter,
    AutocompleteFilterMedia,
    InlineHistoryMixin,
    LargeChangelistMixin,
    NormalizedSearchMixin,
    SortableInlinesAdmin,
    SortableStackedInline,
    refresh_search_text,
)
from core.forms import PartialDatesForm
from core.templatetags.kader import partial_date
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Loan,
    Player,
    PlayerName,
    SeasonStatistics,
    Spell,
)
from sources.admin import ProvenanceInline

START_AND_END = {"start": ("start_precision", False), "end": ("end_precision", True)}


class PlayerForm(PartialDatesForm):
    partial_dates = {
        "date_of_birth": ("date_of_birth_precision", False),
        "contract_until": ("contract_until_precision", True),
    }

    class Meta:
        model = Player
        fields = "__all__"


class SpellForm(PartialDatesForm):
    partial_dates = START_AND_END

    class Meta:
        model = Spell
        fields = "__all__"


class LoanForm(PartialDatesForm):
    partial_dates = START_AND_END

    class Meta:
        model = Loan
        fields = "__all__"


class CapForm(PartialDatesForm):
    partial_dates = {"debut": ("debut_precision", False)}

    class Meta:
        model = Cap
        fields = "__all__"


class InternationalMatchForm(PartialDatesForm):
    partial_dates = {"date": ("date_precision", False)}

    class Meta:
        model = InternationalMatch
        fields = "__all__"


class PlayerNameInline(admin.TabularInline):
    model = PlayerName
    extra = 1
    verbose_name = _("alternative name")
    verbose_name_plural = _("alternative names")


class SpellInline(admin.TabularInline):
    model = Spell
    form = SpellForm
    fields = ("club", "kind", "start", "end", "note")
    autocomplete_fields = ("club",)
    extra = 0
    verbose_name = _("spell")
    verbose_name_plural = _("club spells (youth and senior)")

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(kind=Spell.Kind.LOAN).select_related("club")

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [c for c in Spell.Kind.choices if c[0] != Spell.Kind.LOAN]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class LoanInline(admin.TabularInline):
    model = Loan
    form = LoanForm
    fields = ("club", "owner_club", "start", "end", "note")
    autocomplete_fields = ("club", "owner_club")
    extra = 0
    verbose_name = _("loan")
    verbose_name_plural = _("loans")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # "kind" is not on this form, so Django skips the loan constraint while validating.
        if db_field.name == "owner_club":
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("club", "owner_club")


STATISTICS_FIELDS = (
    "season",
    "club",
    "division",
    "division_tier",
    "on_loan",
    "league_apps",
    "league_goals",
    "cup_apps",
    "cup_goals",
    "league_cup_apps",
    "league_cup_goals",
    "continental_apps",
    "continental_goals",
    "other_apps",
    "other_goals",
    "unknown",
)


class SeasonStatisticsForm(forms.ModelForm):
    class Meta:
        model = SeasonStatistics
        fields = STATISTICS_FIELDS
        widgets = {"unknown": forms.Textarea(attrs={"rows": 1, "cols": 12})}


class SeasonStatisticsInline(admin.TabularInline):
    """One row a season, the column headers kept in view (see the template)."""

    model = SeasonStatistics
    form = SeasonStatisticsForm
    template = "admin/players/season_statistics_inline.html"
    fields = STATISTICS_FIELDS
    autocomplete_fields = ("season", "club", "division")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("season", "club", "division")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # No add/change/delete/view icons beside season, club and division: the row fits.
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        for name in (
            "can_add_related",
            "can_change_related",
            "can_delete_related",
            "can_view_related",
        ):
            if hasattr(widget, name):
                setattr(widget, name, False)
        return field


class CapInline(admin.TabularInline):
    model = Cap
    form = CapForm
    fields = ("national_team", "caps", "goals", "first_year", "last_year", "debut", "note")
    autocomplete_fields = ("national_team",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("national_team__country")


class InternationalMatchInline(admin.TabularInline):
    model = InternationalMatch
    form = InternationalMatchForm
    fields = ("national_team", "date", "opponent", "goals_for", "goals_against")
    autocomplete_fields = ("national_team",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("national_team__country")


class BiographySectionInline(SortableStackedInline):
    """Dragged into order; the order field is kept hidden by adminsortable2."""

    model = BiographySection
    fields = ("heading", "text")
    formfield_overrides = PLAIN_TEXT
    extra = 0


@admin.register(Player)
class PlayerAdmin(
    LargeChangelistMixin,
    InlineHistoryMixin,
    AutocompleteFilterMedia,
    SortableInlinesAdmin,
    NormalizedSearchMixin,
    SimpleHistoryAdmin,
):
    form = PlayerForm
    list_display = (
        "thumbnail",
        "full_name",
        "position",
        "born",
        "current_club",
        "nationality_list",
        "status",
    )
    list_display_links = ("full_name",)
    list_filter = (
        "status",
        "position",
        "nationalities",
        ("current_club", AutocompleteFilter),
    )
    # 100,000 players and more (LargeChangelistMixin): a capped count, pages by id from
    # the index on (full_name, id) (migration 0011), and sorting by name only: any other
    # column would sort the whole table for each page.
    sortable_by = ("full_name",)
    list_select_related = ("current_club",)
    autocomplete_fields = ("current_club", "country_of_birth", "nationalities")
    prepopulated_fields = {"slug": ("full_name",)}
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("full_name", "known_as", "slug", "status")}),
        (
            _("Personal"),
            {
                "fields": (
                    "date_of_birth",
                    ("place_of_birth", "country_of_birth"),
                    "nationalities",
                    "height_cm",
                    ("photo", "photo_preview"),
                    ("photo_credit", "photo_alt"),
                )
            },
        ),
        (
            _("Playing"),
            {
                "fields": (
                    ("position", "position_detail"),
                    "current_club",
                    "contract_until",
                )
            },
        ),
        (_("Other facts from sources"), {"fields": ("extra_facts",), "classes": ("collapse",)}),
    )
    inlines = [
        PlayerNameInline,
        SpellInline,
        LoanInline,
        SeasonStatisticsInline,
        CapInline,
        InternationalMatchInline,
        BiographySectionInline,
        ProvenanceInline,
    ]

    readonly_fields = ("photo_preview",)
    history_related = (
        (PlayerName, "player"),
        (Spell, "player"),
        (SeasonStatistics, "player"),
        (Cap, "player"),
        (InternationalMatch, "player"),
        (BiographySection, "player"),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("nationalities")

    @admin.display(description=_("born"), ordering="date_of_birth")
    def born(self, obj: Player) -> str:
        return partial_date(obj.date_of_birth, obj.date_of_birth_precision)

    @admin.display(description=_("preview"))
    def photo_preview(self, obj: Player) -> str:
        image = obj.photo_rendition or obj.photo
        if not image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="160">', image.url, _("Photo of %s") % obj.name
        )

    @admin.display(description=_("nationalities"))
    def nationality_list(self, obj: Player) -> str:
        return ", ".join(country.name for country in obj.nationalities.all())

    @admin.display(description=_("photo"))
    def thumbnail(self, obj: Player) -> str:
        image = obj.photo_rendition or obj.photo
        if not image:
            return ""
        return format_html('<img src="{}" alt="" width="40" height="40">', image.url)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        refresh_search_text(form.instance)  # alternative names feed the search text


@admin.register(Spell)
class SpellAdmin(SimpleHistoryAdmin):
    form = SpellForm
    fields = ("player", "club", "kind", "owner_club", "start", "end", "note")
    list_display = ("player", "club", "kind", "owner_club", "start_shown", "end_shown")
    list_filter = ("kind",)
    list_select_related = ("player", "club", "owner_club")
    autocomplete_fields = ("player", "club", "owner_club")
    search_fields = ("player__search_text", "club__search_text")

    # A date known only to the year or month is shown so ("2024", not "Dec. 31, 2024").
    @admin.display(description=_("from"), ordering="start")
    def start_shown(self, spell: Spell) -> str:
        return partial_date(spell.start, spell.start_precision) or "-"

    @admin.display(description=_("until"), ordering="end")
    def end_shown(self, spell: Spell) -> str:
        return partial_date(spell.end, spell.end_precision) or "-"


@admin.register(SeasonStatistics)
class SeasonStatisticsAdmin(SimpleHistoryAdmin):
    list_display = ("player", "season", "club", "division", "league_apps", "league_goals")
    list_select_related = ("player", "season", "club", "division")
    autocomplete_fields = ("player", "club", "division", "season")
    search_fields = ("player__search_text", "club__search_text")


@admin.register(Cap)
class CapAdmin(SimpleHistoryAdmin):
    list_display = ("player", "national_team", "caps", "goals", "first_year", "last_year")
    list_select_related = ("player", "national_team__country")
    autocomplete_fields = ("player", "national_team")
    search_fields = ("player__search_text", "national_team__search_text")
