from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from clubs.selectors import club_list
from core.web import PageMeta, conditional_page

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
