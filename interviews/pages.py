"""Pages that compose every domain app: home, search, the player and club profiles.

They live in the highest app they need (see README, "Layout")."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from clubs.models import Club
from core.i18n import country_name
from core.web import PageMeta, absolute, conditional_page
from interviews.models import Interview
from interviews.profiles import club_page, player_profile
from interviews.selectors import interview_list
from players.models import Player
from players.search import search_players
from players.selectors import featured_players
from players.seo import player_json_ld, player_summary

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
    results: dict[str, list[Any]] = {"players": [], "clubs": [], "interviews": []}
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


@conditional_page
def player_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    page = player_profile(slug)
    player = page.player
    image = player.photo_rendition.url if player.photo_rendition else ""
    meta = PageMeta(
        title=player.name,
        description=player_summary(page),
        og_type="profile",
        image=image,
    ).for_request(request)
    meta.json_ld = player_json_ld(page, meta.canonical)
    return render(
        request, "players/player_detail.html", {"page": page, "player": player, "meta": meta}
    )


@conditional_page
def club_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    page = club_page(slug, former_page=request.GET.get("page"))
    club = page.club
    facts = [
        country_name(club.country.code, club.country.name) if club.country else "",
        club.parent.name if club.parent else "",
    ]
    description = _("%(club)s: current players, loans and former players.") % {"club": club.name}
    meta = PageMeta(
        title=club.name,
        description=" · ".join([description, *[f for f in facts if f]]),
        image=club.crest.url if club.crest else "",
    ).for_request(request)
    meta.json_ld = {
        "@context": "https://schema.org",
        "@type": "SportsTeam",
        "name": club.name,
        "sport": "Soccer",
        "url": meta.canonical,
        **({"sameAs": [club.website]} if club.website else {}),
        **({"logo": absolute(club.crest.url)} if club.crest else {}),
        "athlete": [
            {"@type": "Person", "name": p.name, "url": absolute(p.get_absolute_url())}
            for p in page.current_players
        ],
    }
    return render(request, "clubs/club_detail.html", {"page": page, "club": club, "meta": meta})
