from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from players.models import Player


def player_list(request: HttpRequest) -> HttpResponse:
    players = Player.objects.published()
    return render(request, "players/player_list.html", {"players": players})


def player_detail(request: HttpRequest, slug: str) -> HttpResponse:
    player = get_object_or_404(Player.objects.published(), slug=slug)
    return render(request, "players/player_detail.html", {"player": player})
