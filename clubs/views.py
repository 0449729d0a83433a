from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clubs.models import Club


def club_list(request: HttpRequest) -> HttpResponse:
    clubs = Club.objects.published()
    return render(request, "clubs/club_list.html", {"clubs": clubs})


def club_detail(request: HttpRequest, slug: str) -> HttpResponse:
    club = get_object_or_404(Club.objects.published(), slug=slug)
    return render(request, "clubs/club_detail.html", {"club": club})
