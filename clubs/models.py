"""Clubs, the competitions they play in, seasons and national teams."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.images import (
    ReencodedImageField,
    RemembersFiles,
    delete_replaced_files,
    validate_image,
)
from core.publishing import Publishable, unique_slug
from core.text import normalize


class Country(models.Model):
    """A football nation; ISO 3166 alpha-2 code where one exists (GB-ENG for England)."""

    code = models.CharField(_("code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    demonym = models.CharField(_("demonym"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class Club(RemembersFiles, Publishable):
    file_fields = ("crest",)
    # Search on SQLite through an FTS5 trigram index (migration 0005, core.search_index).
    indexed_search = True

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent club"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="affiliates",
        help_text=_("A reserve side or youth academy belongs to its parent club."),
    )
    crest = ReencodedImageField(
        _("crest"), upload_to="crests/", blank=True, validators=[validate_image]
    )
    website = models.URLField(_("website"), blank=True)
    provenance = GenericRelation("sources.Provenance")

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="club_not_its_own_parent"
            ),
        ]
        # SELECT MAX(updated_at): the ETag of every public page (core.web.content_version).
        indexes = [models.Index(fields=["updated_at"], name="club_updated_at")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("clubs:detail", kwargs={"slug": self.slug})

    def search_names(self) -> list[str]:
        names = [self.name, self.short_name]
        if self.pk:
            names += [alt.name for alt in self.alternative_names.all()]
        return names

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Club, self.name, instance_pk=self.pk, fallback="club")
        self.refresh_search_text()
        delete_replaced_files(self, "crest")
        super().save(*args, **kwargs)


class ClubName(models.Model):
    """Another name the club goes by in texts: 'Bremen', 'Werder', 'SVW'."""

    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="alternative_names")
    name = models.CharField(_("name"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["club", "name"], name="club_name_unique_per_club")
        ]

    def __str__(self) -> str:
        return self.name


class Competition(models.Model):
    class Kind(models.TextChoices):
        LEAGUE = "league", _("League")
        CUP = "cup", _("Domestic cup")
        CONTINENTAL = "continental", _("Continental")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT
    )
    tier = models.PositiveSmallIntegerField(_("tier"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.LEAGUE)
    provenance = GenericRelation("sources.Provenance")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="competition_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Competition, self.name, instance_pk=self.pk, fallback="comp")
        super().save(*args, **kwargs)


class Season(models.Model):
    """A split season (2023–24) or a calendar-year season (2025, as in Japan)."""

    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))

    class Meta:
        ordering = ["start_year", "end_year"]
        constraints = [
            models.UniqueConstraint(fields=["start_year", "end_year"], name="season_unique"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year"))
                & Q(end_year__lte=models.F("start_year") + 1),
                name="season_spans_one_or_two_years",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{str(self.end_year)[-2:]}"


class NationalTeam(models.Model):
    class Level(models.TextChoices):
        SENIOR = "senior", _("Senior")
        U15 = "U15", "U15"
        U16 = "U16", "U16"
        U17 = "U17", "U17"
        U18 = "U18", "U18"
        U19 = "U19", "U19"
        U20 = "U20", "U20"
        U21 = "U21", "U21"
        U22 = "U22", "U22"
        U23 = "U23", "U23"
        OLYMPIC = "olympic", _("Olympic")
        YOUTH = "youth", _("Youth (age group not stated)")

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["country__name", "level"]
        constraints = [
            models.UniqueConstraint(fields=["country", "level"], name="national_team_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(NationalTeam, self.name, instance_pk=self.pk, fallback="team")
        self.search_text = normalize(f"{self.name} {self.country.demonym}")
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        if self.level == self.Level.SENIOR:
            return self.country.name
        if self.level == self.Level.YOUTH:
            return f"{self.country.name} {_('youth')}"
        return f"{self.country.name} {self.get_level_display()}"
