"""Reads behind the interview pages, each in a fixed number of queries."""

import re
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from clubs.models import Club
from interviews.models import Interview, Mention
from players.models import Player
from players.selectors import public_cards
from sources.selectors import sources_for

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”“„»«’]*\s")
_QUOTES = "\"'“”„‘’«»‚ "


def first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence of an answer, without the quotation marks around it."""
    text = " ".join(text.split()).strip(_QUOTES)
    match = _SENTENCE_END.search(text)
    sentence = text[: match.start()] if match else text
    sentence = sentence.strip(_QUOTES)
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence


def interview_list() -> QuerySet:
    """Published interviews, newest first (undated last), with outlet and players."""
    return (
        Interview.objects.published()
        .select_related("outlet")
        .prefetch_related(Prefetch("players", queryset=Player.objects.published()))
    )


def interview_detail(slug: str) -> Any:
    """The published interview with what its page shows attached: turn_list, credit_list,
    about, mentioned_players, mentioned_clubs and sources."""
    queryset = Interview.objects.published().select_related("outlet")
    try:
        interview = queryset.get(slug=slug)
    except Interview.DoesNotExist:
        raise Http404("No such interview.") from None
    interview.turn_list = list(interview.turns.all())
    interview.credit_list = list(interview.photo_credits.all())
    mentions = (
        Mention.objects.filter(interview=interview)
        .select_related("player", "club")
        .order_by("name")
    )
    players: dict[int, Player] = {}
    clubs: dict[int, Club] = {}
    for mention in mentions:
        if mention.player and mention.player.is_published:
            players.setdefault(mention.player.pk, mention.player)
        if mention.club and mention.club.is_published:
            clubs.setdefault(mention.club.pk, mention.club)
    interview.about = public_cards(
        interview.players.published().select_related("current_club").order_by("full_name")
    )
    interview.mentioned_players = sorted(players.values(), key=lambda p: p.name)
    interview.mentioned_clubs = sorted(clubs.values(), key=lambda c: c.name)
    interview.sources = sources_for({"interview": [interview]})["interview"]
    return interview
