"""Profiles that compose every domain app: a player's page with the interviews, a club's
page with its players and interviews. They live here, in the highest app they need."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from clubs.models import Club
from core.prepared import PreparedQuery, by_id
from core.publishing import mask_drafts
from interviews.models import Interview, Outlet, Turn
from interviews.selectors import first_sentence
from players.models import Player, Spell
from players.selectors import PlayerPage, club_current_spells, former_players, player_page
from sources.selectors import Source, sources_for


def player_profile(slug: str, *, today: datetime.date | None = None) -> PlayerPage:
    """The player page with the player's published interviews and a pull quote of each."""
    return player_page(slug, interviews=_interviews_with_quotes, today=today)


# The interviews of a player's page, each read turned into SQL once per process
# (core.prepared): the published interviews, their outlets, and their answers' text.
_INTERVIEWS = PreparedQuery(lambda pk: Interview.objects.published().filter(players=pk))
_OUTLETS = PreparedQuery(
    lambda pk: Outlet.objects.filter(
        pk__in=Interview.objects.filter(players=pk).values("outlet_id")
    )
)
_ANSWERS = PreparedQuery(
    lambda pk: (
        Turn.objects.filter(interview__players=pk, kind=Turn.Kind.ANSWER)
        .order_by("interview_id", "order", "id")
        .only("interview_id", "text")
    )
)


def _interviews_with_quotes(player: Player) -> list[Interview]:
    """The player's published interviews with their outlets, each with .quote: the first
    sentence of its first answer."""
    shown = _INTERVIEWS(player.pk)
    if not shown:
        return shown
    outlets = by_id(_OUTLETS(player.pk))
    first_answers: dict[int, str] = {}
    for turn in _ANSWERS(player.pk):
        first_answers.setdefault(turn.interview_id, turn.text)
    for interview in shown:
        if interview.outlet_id is not None:
            interview.outlet = outlets[interview.outlet_id]
        answer = first_answers.get(interview.pk, "")
        interview.quote = first_sentence(answer) if answer else ""
    return shown


@dataclass
class ClubPage:
    club: Club
    current_players: list[Player]
    loaned_out: list[Spell]
    loaned_in: list[Spell]
    former_players: Page[Player]  # one page of them (?page=n)
    affiliates: list[Club]
    interviews: list[Interview]
    sources: dict[str, list[Source]]


def club_page(
    slug: str, *, former_page: str | int | None = None, today: datetime.date | None = None
) -> ClubPage:
    today = today or timezone.localdate()
    queryset = (
        Club.objects.published()
        .select_related("country", "parent")
        .prefetch_related(
            "alternative_names",
            Prefetch(
                "affiliates",
                queryset=Club.objects.published().order_by("name"),
                to_attr="affiliate_list",
            ),
        )
    )
    try:
        club = queryset.get(slug=slug)
    except Club.DoesNotExist:
        raise Http404("No such club.") from None
    mask_drafts([club], "parent", hide=True)
    loans = list(club_current_spells(club, today))
    mask_drafts(loans, "club", "owner_club")
    loaned_out = [s for s in loans if s.owner_club_id == club.pk]
    loaned_in = [s for s in loans if s.club_id == club.pk]
    current = list(
        Player.objects.published()
        .filter(current_club=club)
        .select_related("current_club")
        .order_by("position", "full_name")
    )
    away = {s.player_id for s in loaned_out} | {s.player_id for s in loaned_in}
    former = former_players(club, exclude={p.pk for p in current} | away, page=former_page)
    interviews = list(
        Interview.objects.published()
        .filter(mentions__club=club)
        .select_related("outlet")
        .distinct()[:10]
    )
    return ClubPage(
        club=club,
        current_players=current,
        loaned_out=loaned_out,
        loaned_in=loaned_in,
        former_players=former,
        affiliates=club.affiliate_list,
        interviews=interviews,
        sources=sources_for({"club": [club]}),
    )
