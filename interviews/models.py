"""Interviews: outlet, byline, ordered turns, photo credits and who they mention."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from clubs.models import Club
from core.history import History
from core.publishing import Publishable, unique_slug
from players.models import Player


class Outlet(models.Model):
    """Who published the interview: a league site, a newspaper, a broadcaster."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Outlet, self.name, instance_pk=self.pk, fallback="outlet")
        super().save(*args, **kwargs)


class Interview(Publishable):
    # Search on SQLite through an FTS5 trigram index (migration 0004, core.search_index).
    indexed_search = True

    class DatePrecision(models.TextChoices):
        DATE = "date", _("Date")
        MINUTE = "minute", _("Date and time")

    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), null=True, blank=True, on_delete=models.PROTECT
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, help_text=_("Empty when the source does not say.")
    )
    published_precision = models.CharField(
        _("published known to"),
        max_length=6,
        choices=DatePrecision.choices,
        default=DatePrecision.MINUTE,
    )
    language = models.CharField(_("language"), max_length=8, default="en")
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)
    standfirst = models.TextField(_("standfirst"), blank=True)
    players = models.ManyToManyField(
        Player, verbose_name=_("about"), blank=True, related_name="interviews"
    )
    provenance = GenericRelation("sources.Provenance")

    history = History(excluded_fields=["search_text"], m2m_fields=["players"])

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "title"]
        # SELECT MAX(updated_at): the ETag of every public page (core.web.content_version).
        indexes = [models.Index(fields=["updated_at"], name="interview_updated_at")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("interviews:detail", kwargs={"slug": self.slug})

    def search_names(self) -> list[str]:
        names = [self.title, self.author, self.outlet.name if self.outlet else ""]
        if self.pk:
            names += [p.full_name for p in self.players.all()]
        return names

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                Interview, self.title, instance_pk=self.pk, fallback="interview"
            )
        self.refresh_search_text()
        super().save(*args, **kwargs)


class Turn(models.Model):
    """One block of the interview body, in reading order."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        ANSWER = "answer", _("Answer")
        SUBHEADING = "subheading", _("Sub-heading")
        PARAGRAPH = "paragraph", _("Paragraph")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="turns")
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    text = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.order}"


class PhotoCredit(models.Model):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="photo_credits")
    order = models.PositiveIntegerField(_("order"), default=0)
    caption = models.TextField(_("caption"))
    credit = models.CharField(_("credit"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.credit or self.caption[:60]


class Mention(models.Model):
    """A known player or club named in an interview's text."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="mentions")
    player = models.ForeignKey(
        Player, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    club = models.ForeignKey(
        Club, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    name = models.CharField(_("name as written"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(player__isnull=False, club__isnull=True)
                | Q(player__isnull=True, club__isnull=False),
                name="mention_is_player_or_club",
            ),
            models.UniqueConstraint(
                fields=["interview", "player", "club"], name="mention_unique_per_interview"
            ),
        ]

    def __str__(self) -> str:
        return self.name
