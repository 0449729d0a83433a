"""Player search: every word of the query in the folded names, ranked."""

from typing import Any

from django.db import connection
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.functions import Left

from core.text import normalize
from players.models import Player
from players.selectors import public_cards

# On PostgreSQL the ranking reads at most this many players that contain the query, the
# first by name (a walk of the index player_admin_by_name, which carries search_text), and
# as many whose names start with it (the index player_search_text_prefix): a surname that
# 2 % of a million players share would otherwise read 20,000 rows to rank them.
CANDIDATES = 1000
PREFIX_CHARS = 100  # the length of search_text the prefix index holds


def search_players(query: str, limit: int) -> list[Player]:
    """Players by any of their names or their place of birth (see Player.search_names):
    every word of the query in the folded names, an exact name first, then a name that
    starts with the query; on PostgreSQL the closest by trigram similarity next (the
    words are matched through the trigram index over search_text), ranked among at most
    CANDIDATES matches by name, the exact names and CANDIDATES names that start with the
    query (every match, when fewer than CANDIDATES contain the query)."""
    wanted = normalize(query)
    rank = Case(
        When(Q(name_key=wanted) | Q(known_as_key=wanted), then=Value(0)),
        When(search_text__startswith=wanted, then=Value(1)),
        default=Value(2),
    )
    order: list[Any] = [rank]
    players = Player.objects.published().search(query)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        order.append(TrigramSimilarity("search_text", wanted).desc())
        players = players.filter(pk__in=_candidates(query, wanted))
    return public_cards(
        players.select_related("current_club")
        .prefetch_related("alternative_names")
        .order_by(*order, "full_name", "id")[:limit]
    )


def _candidates(query: str, wanted: str) -> list[int]:
    """Ids of the players the ranking reads (PostgreSQL): the first CANDIDATES by name
    that contain every word of the query, of any status (an index-only walk, or the
    trigram index for a rare name); if there are that many, also the players with that
    exact name and CANDIDATES whose names start with the query."""
    matches: QuerySet[Player] = Player.objects.search(query)
    found = list(matches.order_by("full_name", "id").values_list("pk", flat=True)[:CANDIDATES])
    if len(found) < CANDIDATES or not wanted:
        return found  # every match
    exact = matches.filter(Q(name_key=wanted) | Q(known_as_key=wanted))
    prefix = Player.objects.alias(head=Left("search_text", PREFIX_CHARS)).filter(
        head__startswith=wanted[:PREFIX_CHARS]
    )
    for more in (exact, prefix):
        found += more.order_by().values_list("pk", flat=True)[:CANDIDATES]
    return found
