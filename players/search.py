"""Player search: every word of the query in the folded names, ranked."""

from typing import Any

from django.db import connection
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Left

from core.text import normalize
from players.models import Player
from players.selectors import public_cards

# On PostgreSQL the ranking reads at most this many players that contain the query, and
# as many whose names start with it (the index player_search_text_prefix): a surname that
# 2 % of a million players share would otherwise read 20,000 rows to rank them.
CANDIDATES = 1000
PREFIX_CHARS = 100  # the length of search_text the prefix index holds


def search_players(query: str, limit: int) -> list[Player]:
    """Players by any of their names or their place of birth (see Player.search_names):
    every word of the query in the folded names, an exact name first, then a name that
    starts with the query; on PostgreSQL the closest by trigram similarity next (the
    words are matched through the trigram index over search_text), ranked among every
    match, or where more than CANDIDATES contain the query, CANDIDATES of them, the exact
    names and CANDIDATES names that start with the query (see _candidates)."""
    wanted = normalize(query)
    rank = Case(
        When(Q(name_key=wanted) | Q(known_as_key=wanted), then=Value(0)),
        When(search_text__startswith=wanted, then=Value(1)),
        default=Value(2),
    )
    order: list[Any] = [rank]
    players = Player.objects.published()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        order.append(TrigramSimilarity("search_text", wanted).desc())
        players = players.filter(pk__in=_candidates(query, wanted))  # each one a match
    else:
        players = players.search(query)
    return public_cards(
        players.select_related("current_club")
        .prefetch_related("alternative_names")
        .order_by(*order, "full_name", "id")[:limit]
    )


def _candidates(query: str, wanted: str) -> RawSQL:
    """The ids the ranking reads (PostgreSQL), each one a match: every match, of any
    status, when there are CANDIDATES or fewer; else CANDIDATES of them as the trigram
    index finds them (no order: the first read, so the work is bounded however common the
    name), with those of that exact name (player_name_key, player_known_as_key) and
    CANDIDATES whose names start with the query (player_search_text_prefix), which rank
    first. As one array parameter: a thousand ids as as many parameters cost
    milliseconds to build into the SQL."""
    matches: QuerySet[Player] = Player.objects.search(query)
    found = list(matches.order_by().values_list("pk", flat=True)[: CANDIDATES + 1])
    if len(found) > CANDIDATES and wanted:
        found = found[:CANDIDATES]
        head = Left("search_text", PREFIX_CHARS)
        exact = matches.filter(Q(name_key=wanted) | Q(known_as_key=wanted))
        prefix = matches.alias(head=head).filter(head__startswith=wanted[:PREFIX_CHARS])
        exact_ids, prefix_ids = (
            part.order_by().values_list("pk", flat=True)[:CANDIDATES] for part in (exact, prefix)
        )
        found += exact_ids.union(prefix_ids, all=True).order_by()  # no Meta.ordering
    return RawSQL("SELECT unnest(%s::bigint[])", [found])
