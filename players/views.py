from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.web import PageMeta, conditional_page
from players.models import Position
from players.selectors import filter_choices, list_page, player_list, public_cards

PAGE_SIZE = 24


@conditional_page
def player_list_view(request: HttpRequest) -> HttpResponse:
    filters = {
        "position": request.GET.get("position", ""),
        "club": request.GET.get("club", ""),
        "nationality": request.GET.get("nationality", ""),
    }
    page = list_page(
        player_list(**filters),
        PAGE_SIZE,
        request.GET.get("page"),
        after=request.GET.get("after"),
        before=request.GET.get("before"),
    )
    page.object_list = public_cards(page.object_list)
    query = request.GET.copy()
    for name in ("page", "after", "before"):  # the page links set their own
        query.pop(name, None)
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
            **filter_choices(club=filters["club"], nationality=filters["nationality"]),
        },
    )
