"""sitemap.xml: every published player, club and interview, in English and German."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clubs.models import Club
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
