"""sitemap.xml: an index of sections, each listing every published player, club and
interview in English and German, 2,000 records (4,000 URLs) a page.

The index names every page of every section, so no record is left out however many there
are (one sitemap file may hold 50,000 URLs; a site with 100,000 players needs several).
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse

from clubs.models import Club
from core.web import absolute
from interviews.models import Interview
from players.models import Player


class KaderSitemap(Sitemap):
    """Absolute URLs from SITE_URL, never from the request's Host header."""

    i18n = True
    alternates = True
    x_default = True
    limit = 2000

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        """The newest change in the section: one MAX query, where Django's own walks every
        item's lastmod. None for a section that is no QuerySet (its pages have no date)."""
        items = self.items()
        if isinstance(items, QuerySet):
            latest: datetime | None = items.order_by().aggregate(m=Max("updated_at"))["m"]
            return latest
        return None


class PlayerSitemap(KaderSitemap):
    priority = 0.8

    def items(self):
        return Player.objects.published().order_by("pk").only("slug", "updated_at")


class ClubSitemap(KaderSitemap):
    priority = 0.6

    def items(self):
        return Club.objects.published().order_by("pk").only("slug", "updated_at")


class InterviewSitemap(KaderSitemap):
    priority = 0.7

    def items(self):
        return Interview.objects.published().order_by("pk").only("slug", "updated_at")


class PageSitemap(KaderSitemap):
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "players:list", "clubs:list", "interviews:list"]

    def location(self, item: str) -> str:
        return reverse(item)

    def lastmod(self, item):
        return None


SITEMAPS = {
    "pages": PageSitemap,
    "players": PlayerSitemap,
    "clubs": ClubSitemap,
    "interviews": InterviewSitemap,
}


@dataclass(frozen=True)
class IndexEntry:
    location: str
    last_mod: datetime | None


@x_robots_tag  # noindex, as Django marks its own sitemap views and the sections
def sitemap_index(request: HttpRequest) -> TemplateResponse:
    """/sitemap.xml: every page of every section, with absolute URLs from SITE_URL."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        site = sitemap_class()
        location = absolute(reverse("sitemap-section", kwargs={"section": section}))
        last_mod = site.get_latest_lastmod()
        for page in site.paginator.page_range:
            entries.append(IndexEntry(location if page == 1 else f"{location}?p={page}", last_mod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
