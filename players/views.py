from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from config.web import PageMeta, conditional_page
from players.models import Position
from players.selectors import filter_choices, player_list, player_page
from players.seo import player_json_ld, player_summary

PAGE_SIZE = 24


@conditional_page
def player_list_view(request: HttpRequest) -> HttpResponse:
    filters = {
        "position": request.GET.get("position", ""),
        "club": request.GET.get("club", ""),
        "nationality": request.GET.get("nationality", ""),
    }
    page = Paginator(player_list(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    title = _("Players")
    if filters["position"] in Position.values:
        title = f"{title}: {Position(filters['position']).label}"
    meta = PageMeta(
        title=title,
        description=_("Every player in the database, by position, club and nationality."),
        noindex=page.number > 1 or any(filters.values()),
    )
    return render(
        request,
        "players/player_list.html",
        {
            "page_obj": page,
            "players": page.object_list,
            "filters": filters,
            "filter_query": query.urlencode(),
            "meta": meta.for_request(request),
            **filter_choices(),
        },
    )


@conditional_page
def player_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    page = player_page(slug)
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
