"""Building blocks shared by the domain apps: publishing, partial dates, search text."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Self

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.search_index import indexed_search
from core.text import normalize, slugify_name

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def is_public(record: object) -> bool:
    """The one rule for what the public sees: a publishable record only once published.
    Records that are not publishable (a season, a competition) are always public."""
    status = getattr(record, "status", None)
    return status is None or status == Status.PUBLISHED


def mask_drafts(records: Iterable[models.Model], *relations: str, hide: bool = False) -> None:
    """What a published record names, as the public may see it: each related draft
    (``relations``: 'club', 'owner_club'…) is replaced in memory, never saved, by a stand-in
    that names nothing (``hide=True``: by None). The record's foreign key keeps its value,
    so rows still group by club. Every public page applies it (see the README, "Drafts")."""
    for record in records:
        for name in relations:
            field = record._meta.get_field(name)
            related = getattr(record, name, None)
            if related is None or is_public(related):
                continue
            stand_in = None if hide else unpublished(type(related), related.pk)
            field.set_cached_value(record, stand_in)  # type: ignore[union-attr]


def unpublished(model: type[models.Model], pk: Any) -> models.Model:
    """A stand-in for a draft: no name, no link (is_published is False)."""
    stand_in = model(pk=pk, status=Status.DRAFT)
    label = str(_("not yet published"))
    for attr in ("name", "full_name"):
        if hasattr(stand_in, attr):
            setattr(stand_in, attr, label)
    return stand_in


def filter_by_search[Q: models.QuerySet[Any]](queryset: Q, query: str) -> Q:
    """Accent- and case-insensitive match of every word of query on search_text (anywhere
    in it). On SQLite through the model's FTS5 index where it has one
    (core.search_index), on PostgreSQL through the trigram index where it has one."""
    terms = normalize(query).split()
    if (indexed := indexed_search(queryset, terms)) is not None:
        return indexed
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


# Rows are Any: pages hang prefetched lists on the records they read (interview.turn_list).
class PublishableQuerySet(models.QuerySet[Any]):
    def published(self) -> Self:
        return self.filter(status=Status.PUBLISHED)

    def search(self, query: str) -> Self:
        return filter_by_search(self, query)


class Publishable(models.Model):
    """A record the public sees only once an editor publishes it."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    # Normalised names (accents folded, lower case) so search works alike on SQLite and
    # PostgreSQL without the unaccent extension; rebuilt on every save.
    search_text = models.TextField(editable=False, blank=True, default="")
    # True where a migration made the SQLite search index (core.search_index).
    indexed_search: ClassVar[bool] = False
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def search_names(self) -> list[str]:
        raise NotImplementedError

    def refresh_search_text(self) -> None:
        self.search_text = " ".join(normalize(name) for name in self.search_names() if name)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def precision_field(verbose_name: "StrOrPromise") -> "models.CharField[str, str]":
    return models.CharField(
        verbose_name, max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )


def unique_slug(
    model: type[models.Model], name: str, *, instance_pk: object = None, fallback: str
) -> str:
    """A slug from name that no other row of model uses: 'name', 'name-2', 'name-3'…"""
    base = slugify_name(name, fallback=fallback)
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=instance_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug
