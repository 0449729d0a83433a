from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from clubs.selectors import club_list, club_page
from config.web import PageMeta, absolute, conditional_page

PAGE_SIZE = 50


@conditional_page
def club_list_view(request: HttpRequest) -> HttpResponse:
    page = Paginator(club_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    meta = PageMeta(
        title=_("Clubs"),
        description=_("The clubs in the database, with their players and loans."),
        noindex=page.number > 1,
    )
    return render(
        request,
        "clubs/club_list.html",
        {"page_obj": page, "clubs": page.object_list, "meta": meta.for_request(request)},
    )


@conditional_page
def club_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    page = club_page(slug)
    club = page.club
    facts = [club.country.name if club.country else "", club.parent.name if club.parent else ""]
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
