"""Players and their careers: spells and loans, season statistics, caps, biography."""

import datetime
from typing import ClassVar

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from clubs.models import Club, Competition, Country, NationalTeam, Season
from core.history import History
from core.images import (
    ReencodedImageField,
    RemembersFiles,
    delete_on_commit,
    delete_replaced_files,
    make_rendition,
    validate_image,
)
from core.publishing import Publishable, precision_field, unique_slug
from core.text import normalize

PHOTO_RENDITION_PX = 480


class Position(models.TextChoices):
    GOALKEEPER = "goalkeeper", _("Goalkeeper")
    DEFENDER = "defender", _("Defender")
    MIDFIELDER = "midfielder", _("Midfielder")
    FORWARD = "forward", _("Forward")


HEIGHT_RANGE_CM = (120, 230)
"""A plausible height for a footballer, in cm (database check and importer alike)."""


class Player(RemembersFiles, Publishable):
    file_fields = ("photo", "photo_rendition")
    # Search on SQLite through an FTS5 trigram index (migration 0010, core.search_index).
    indexed_search = True

    full_name = models.CharField(_("full name"), max_length=200)
    known_as = models.CharField(
        _("name shown"), max_length=200, blank=True, help_text=_("Leave empty to show full name.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    date_of_birth_precision = precision_field(_("date of birth known to"))
    place_of_birth = models.CharField(_("place of birth"), max_length=200, blank=True)
    country_of_birth = models.ForeignKey(
        Country,
        verbose_name=_("country of birth"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nationalities = models.ManyToManyField(
        Country, verbose_name=_("nationalities"), blank=True, related_name="players"
    )
    position = models.CharField(_("position"), max_length=12, choices=Position.choices, blank=True)
    position_detail = models.CharField(
        _("position detail"), max_length=100, blank=True, help_text=_("e.g. centre-back")
    )
    height_cm = models.PositiveSmallIntegerField(_("height (cm)"), null=True, blank=True)
    current_club = models.ForeignKey(
        Club,
        verbose_name=_("current club"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="current_players",
    )
    contract_until = models.DateField(_("contract until"), null=True, blank=True)
    contract_until_precision = precision_field(_("contract end known to"))
    photo = ReencodedImageField(
        _("photo"), upload_to="players/", blank=True, validators=[validate_image]
    )
    photo_rendition = models.ImageField(upload_to="players/renditions/", blank=True, editable=False)
    photo_credit = models.CharField(
        _("photo credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or agency, shown under the photo (“Photo: …”)."),
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the photo shows, for readers who cannot see it. Empty: “Photo of <name>”."
        ),
    )
    extra_facts = models.JSONField(
        _("other facts"),
        default=dict,
        blank=True,
        help_text=_("Facts from a source the model has no field for, kept for the editor."),
    )
    provenance = GenericRelation("sources.Provenance")
    # The full name and the name shown folded as search_text folds them (core.text.normalize),
    # for the importer's exact, indexed lookup of a player by name (imports find_player).
    name_key = models.CharField(max_length=200, editable=False, blank=True, default="")
    known_as_key = models.CharField(max_length=200, editable=False, blank=True, default="")

    history = History(
        excluded_fields=["search_text", "photo_rendition"], m2m_fields=["nationalities"]
    )

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(height_cm__isnull=True) | Q(height_cm__range=HEIGHT_RANGE_CM),
                name="player_height_plausible",
            ),
        ]
        indexes = [
            # SELECT MAX(updated_at): the ETag of every public page (core.web.content_version).
            models.Index(fields=["updated_at"], name="player_updated_at"),
            # The players list in its order, published only: any page from the index.
            models.Index(
                fields=["full_name", "id"],
                condition=Q(status="published"),
                name="player_published_by_name",
            ),
            # The list filtered by position, in the same order.
            models.Index(
                fields=["position", "full_name", "id"],
                condition=Q(status="published"),
                name="player_published_by_position",
            ),
            models.Index(fields=["name_key"], name="player_name_key"),
            models.Index(fields=["known_as_key"], name="player_known_as_key"),
            # search_text has a trigram index: on PostgreSQL a GIN index (migration 0006),
            # on SQLite an FTS5 table kept by triggers (migration 0010).
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.known_as or self.full_name

    def get_absolute_url(self) -> str:
        return reverse("players:detail", kwargs={"slug": self.slug})

    def search_names(self) -> list[str]:
        # The place of birth too: readers look up "the keeper from Mönchengladbach".
        names = [self.full_name, self.known_as, self.place_of_birth]
        if self.pk:
            names += [alt.name for alt in self.alternative_names.all()]
        return names

    def refresh_search_text(self) -> None:
        super().refresh_search_text()
        self.name_key = normalize(self.full_name)[:200]
        self.known_as_key = normalize(self.known_as)[:200]

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Player, self.full_name, instance_pk=self.pk, fallback="player")
        self.refresh_search_text()
        photo_changed = bool(self.photo) and not getattr(self.photo, "_committed", True)
        delete_replaced_files(self, "photo")
        if self.photo_rendition and (photo_changed or not self.photo):
            delete_on_commit(self.photo_rendition)  # a new one is made below
        super().save(*args, **kwargs)
        if photo_changed:
            make_rendition(self.photo, self.photo_rendition, PHOTO_RENDITION_PX)
            Player.objects.filter(pk=self.pk).update(photo_rendition=self.photo_rendition.name)
        elif not self.photo and self.photo_rendition:
            Player.objects.filter(pk=self.pk).update(photo_rendition="")


class PlayerName(models.Model):
    """Another name the player is known by: 'Mio Nagata'."""

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="alternative_names")
    name = models.CharField(_("name"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["player", "name"], name="player_name_unique_per_player")
        ]
        # name__iexact (the importer's find_player) on PostgreSQL: UPPER(name) = UPPER(%s).
        indexes = [models.Index(Upper("name"), name="player_name_upper")]

    def __str__(self) -> str:
        return self.name


def loans_running(day: datetime.date) -> Q:
    """Loan spells running on day (an open start or end counts as running)."""
    return (
        Q(kind=Spell.Kind.LOAN)
        & (Q(start__isnull=True) | Q(start__lte=day))
        & (Q(end__isnull=True) | Q(end__gte=day))
    )


class Spell(models.Model):
    """A player at a club from–to. A loan is a spell at the borrowing club with its owner."""

    class Kind(models.TextChoices):
        YOUTH = "youth", _("Youth")
        SENIOR = "senior", _("Senior")
        LOAN = "loan", _("Loan")

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="spells")
    club = models.ForeignKey(Club, verbose_name=_("club"), on_delete=models.PROTECT)
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices, default=Kind.SENIOR)
    owner_club = models.ForeignKey(
        Club,
        verbose_name=_("loaned from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="loans_out",
        help_text=_("For a loan: the club that owns the player's registration."),
    )
    start = models.DateField(_("from"), null=True, blank=True)
    start_precision = precision_field(_("from known to"))
    end = models.DateField(_("until"), null=True, blank=True)
    end_precision = precision_field(_("until known to"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    provenance = GenericRelation("sources.Provenance")

    history = History()  # Loan, its proxy, included

    class Meta:
        ordering = [F("start").asc(nulls_first=True), "id"]
        # A club's former players (players.selectors.former_players): an index-only scan.
        indexes = [models.Index(fields=["club", "player"], name="spell_club_player")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="spell_ends_after_start",
                violation_error_message=_("A spell cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(kind="loan", owner_club__isnull=False)
                | (~Q(kind="loan") & Q(owner_club__isnull=True)),
                name="spell_loan_has_owner",
                violation_error_message=_("A loan needs the owning club; other spells none."),
            ),
            models.CheckConstraint(
                condition=~Q(owner_club=F("club")),
                name="spell_loan_not_from_same_club",
                violation_error_message=_("A club cannot loan a player to itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.player} at {self.club} ({self.get_kind_display()})"

    @property
    def is_loan(self) -> bool:
        return self.kind == self.Kind.LOAN


class LoanManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(kind=Spell.Kind.LOAN)


class Loan(Spell):
    """The loans among a player's spells (an admin view on Spell)."""

    objects: ClassVar[LoanManager] = LoanManager()

    class Meta:
        proxy = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = Spell.Kind.LOAN  # before validation, so the loan rules apply


COMPETITION_COLUMNS = ("league", "cup", "league_cup", "continental", "other")
"""The competition categories of a career table: the national cup and the league cup apart."""


def validate_unknown_columns(value: object) -> None:
    if not isinstance(value, list) or any(item not in COMPETITION_COLUMNS for item in value):
        raise ValidationError(
            _("List the competitions whose values are unknown, from: %(columns)s."),
            params={"columns": ", ".join(COMPETITION_COLUMNS)},
        )


class SeasonStatistics(models.Model):
    """Apps and goals of one player for one club, season and division.

    A statistic has three states: a number; None, 'did not take part' (the source's —),
    distinct from 0; and unknown (the source leaves the cell blank), listed in `unknown`.
    Totals are computed (players.stats), never stored. A loan and a permanent spell at one
    club in one season are two rows (on_loan apart), each tied to its spell.
    """

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="season_statistics")
    club = models.ForeignKey(Club, verbose_name=_("club"), on_delete=models.PROTECT)
    season = models.ForeignKey(Season, verbose_name=_("season"), on_delete=models.PROTECT)
    division = models.ForeignKey(
        Competition,
        verbose_name=_("division"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty when the source does not name the league."),
    )
    division_tier = models.PositiveSmallIntegerField(
        _("tier"), null=True, blank=True, help_text=_("The level of the league: 1 is the top.")
    )
    on_loan = models.BooleanField(_("on loan"), default=False)
    spell = models.ForeignKey(
        "Spell",
        verbose_name=_("spell"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="season_statistics",
    )
    league_apps = models.IntegerField(_("league apps"), null=True, blank=True)
    league_goals = models.IntegerField(_("league goals"), null=True, blank=True)
    cup_apps = models.IntegerField(_("cup apps"), null=True, blank=True)
    cup_goals = models.IntegerField(_("cup goals"), null=True, blank=True)
    league_cup_apps = models.IntegerField(_("league cup apps"), null=True, blank=True)
    league_cup_goals = models.IntegerField(_("league cup goals"), null=True, blank=True)
    continental_apps = models.IntegerField(_("continental apps"), null=True, blank=True)
    continental_goals = models.IntegerField(_("continental goals"), null=True, blank=True)
    other_apps = models.IntegerField(_("other apps"), null=True, blank=True)
    other_goals = models.IntegerField(_("other goals"), null=True, blank=True)
    unknown = models.JSONField(
        _("unknown"),
        default=list,
        blank=True,
        validators=[validate_unknown_columns],
        help_text=_('Competitions the source leaves blank, e.g. ["cup"]: shown empty, not as —.'),
    )
    provenance = GenericRelation("sources.Provenance")

    history = HistoricalRecords()

    class Meta:
        ordering = ["season__start_year", "season__end_year", "id"]
        verbose_name = _("season statistics")
        verbose_name_plural = _("season statistics")
        # A club's former players (players.selectors.former_players): an index-only scan.
        indexes = [models.Index(fields=["club", "player"], name="season_stats_club_player")]
        constraints = [
            models.UniqueConstraint(
                fields=["player", "club", "season", "division", "on_loan"],
                condition=Q(division__isnull=False),
                name="season_statistics_one_row_per_division",
                violation_error_message=_(
                    "There is already a row for this club, season, division and kind of spell."
                ),
            ),
            models.UniqueConstraint(
                fields=["player", "club", "season", "on_loan"],
                condition=Q(division__isnull=True),
                name="season_statistics_one_row_without_division",
                violation_error_message=_(
                    "There is already a row for this club, season and kind of spell."
                ),
            ),
            models.CheckConstraint(
                condition=Q(
                    *(
                        Q(**{f"{col}_{kind}__isnull": True}) | Q(**{f"{col}_{kind}__gte": 0})
                        for col in COMPETITION_COLUMNS
                        for kind in ("apps", "goals")
                    )
                ),
                name="season_statistics_not_negative",
                violation_error_message=_("Appearances and goals cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.player} – {self.club} {self.season}"

    def is_unknown(self, column: str) -> bool:
        return column in (self.unknown or [])


class Cap(models.Model):
    """A player's record for one national team; caps and goals when the source says."""

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="caps")
    national_team = models.ForeignKey(
        NationalTeam, verbose_name=_("national team"), on_delete=models.PROTECT
    )
    caps = models.PositiveSmallIntegerField(_("caps"), null=True, blank=True)
    goals = models.PositiveSmallIntegerField(_("goals"), null=True, blank=True)
    first_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    debut = models.DateField(_("debut"), null=True, blank=True)
    debut_precision = precision_field(_("debut known to"))
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("e.g. a caps total the source gives for several teams together"),
    )
    provenance = GenericRelation("sources.Provenance")

    history = HistoricalRecords()

    class Meta:
        ordering = ["national_team__level", "id"]
        constraints = [
            models.UniqueConstraint(fields=["player", "national_team"], name="cap_unique_team"),
            models.CheckConstraint(
                condition=Q(last_year__isnull=True)
                | Q(first_year__isnull=True)
                | Q(last_year__gte=F("first_year")),
                name="cap_last_year_after_first",
                violation_error_message=_("The last year cannot be before the first."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.player} – {self.national_team}"


class InternationalMatch(models.Model):
    """A notable match for a national team: 'beat Czechia U20 1–0, clean sheet'."""

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="notable_matches")
    national_team = models.ForeignKey(
        NationalTeam, verbose_name=_("national team"), on_delete=models.PROTECT
    )
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = precision_field(_("date known to"))
    opponent = models.CharField(_("opponent"), max_length=200)
    goals_for = models.PositiveSmallIntegerField(_("goals for"), null=True, blank=True)
    goals_against = models.PositiveSmallIntegerField(_("goals against"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    provenance = GenericRelation("sources.Provenance")

    history = HistoricalRecords()

    class Meta:
        ordering = [F("date").asc(nulls_last=True), "id"]
        verbose_name_plural = _("international matches")

    def __str__(self) -> str:
        return f"{self.national_team} v {self.opponent}"

    @property
    def score(self) -> str:
        if self.goals_for is None or self.goals_against is None:
            return ""
        return f"{self.goals_for}–{self.goals_against}"


class BiographySection(models.Model):
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    heading = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    provenance = GenericRelation("sources.Provenance")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.heading
