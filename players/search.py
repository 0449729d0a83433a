"""Player search: every word of the query in the folded names, ranked."""

from typing import Any

from django.db import connection
from django.db.models import Case, Q, Value, When

from core.text import normalize
from players.models import Player
from players.selectors import public_cards


def search_players(query: str, limit: int) -> list[Player]:
    """Players by any of their names or their place of birth (see Player.search_names):
    every word of the query in the folded names, an exact name first, then a name that
    starts with the query; on PostgreSQL the closest by trigram similarity next (the
    words are matched through the trigram index over search_text)."""
    wanted = normalize(query)
    rank = Case(
        When(Q(name_key=wanted) | Q(known_as_key=wanted), then=Value(0)),
        When(search_text__startswith=wanted, then=Value(1)),
        default=Value(2),
    )
    order: list[Any] = [rank]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        order.append(TrigramSimilarity("search_text", wanted).desc())
    return public_cards(
        Player.objects.published()
        .search(query)
        .select_related("current_club")
        .prefetch_related("alternative_names")
        .order_by(*order, "full_name", "id")[:limit]
    )
