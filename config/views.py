"""Site-wide pages: home, search across players, clubs and interviews, robots.txt."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from clubs.models import Club
from config.web import PageMeta, absolute, conditional_page
from interviews.models import Interview
from interviews.selectors import interview_list
from players.models import Player
from players.selectors import featured_players, search_players

SEARCH_LIMIT = 50


@conditional_page
def home(request: HttpRequest) -> HttpResponse:
    meta = PageMeta(
        title=_("Kader: players, clubs and interviews"),
        description=_(
            "The club's player database: careers season by season, loans, caps and interviews."
        ),
    ).for_request(request)
    meta.json_ld = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Kader",
        "url": meta.canonical,
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute("/search/?q={q}"),
            "query-input": "required name=q",
        },
    }
    context = {
        "meta": meta,
        "counts": {
            "players": Player.objects.published().count(),
            "clubs": Club.objects.published().count(),
            "interviews": Interview.objects.published().count(),
        },
        "recent_interviews": interview_list()[:5],
        "featured": featured_players(),
    }
    return render(request, "home.html", context)


@conditional_page
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = {"players": [], "clubs": [], "interviews": []}
    if query:
        results = {
            "players": search_players(query, SEARCH_LIMIT),
            "clubs": list(
                Club.objects.published().search(query).select_related("country")[:SEARCH_LIMIT]
            ),
            "interviews": list(
                Interview.objects.published().search(query).select_related("outlet")[:SEARCH_LIMIT]
            ),
        }
    total = sum(len(found) for found in results.values())
    meta = PageMeta(
        title=_("Search: %(query)s") % {"query": query} if query else _("Search"),
        description=_("Search players, clubs and interviews by any of their names."),
        noindex=True,
    ).for_request(request)
    return render(
        request, "search.html", {"meta": meta, "query": query, "results": results, "total": total}
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /search/",
        "Disallow: /de/search/",
        "",
        f"Sitemap: {absolute('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
