from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from clubs.urls import urlpatterns as club_urls
from core.views import favicon, robots_txt, set_language
from interviews import pages
from interviews.feeds import InterviewFeed
from interviews.sitemaps import SITEMAPS, sitemap_index
from players.urls import urlpatterns as player_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    # Before Django's own: ours translates `next` from German back to English too.
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", include("config.api_urls")),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", pages.home, name="home"),
    path("search/", pages.search, name="search"),
    # The profiles compose several apps, so their views live in interviews.pages.
    path(
        "players/",
        include(
            (
                [*player_urls, path("<str:slug>/", pages.player_detail_view, name="detail")],
                "players",
            )
        ),
    ),
    path(
        "clubs/",
        include(
            ([*club_urls, path("<str:slug>/", pages.club_detail_view, name="detail")], "clubs")
        ),
    ),
    path("interviews/", include("interviews.urls")),
    path("feeds/interviews/", InterviewFeed(), name="interview_feed"),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
