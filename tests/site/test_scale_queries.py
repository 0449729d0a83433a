"""Pages that stay cheap however many players there are (issue 13): a bounded number of
queries on the players list and a club page, former players one page at a time, search
ranked with the exact name first, and the importer's exact name lookup."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clubs.models import Club
from imports.importer.common import find_player
from players.models import Player, PlayerName, SeasonStatistics, Spell
from players.selectors import FORMER_PAGE
from tests.helpers import get_counting_queries, html


def grow(n: int, *, start: int, club: Club, other: Club, season, division, country) -> None:
    """n more published players: half of them now at other after a spell and a season at
    club (former players there), half at club."""
    for i in range(start, start + n):
        former = i % 2 == 0
        player = Player.objects.create(
            full_name=f"Spieler {i:03d}",
            position="defender" if former else "forward",
            current_club=other if former else club,
        )
        player.nationalities.add(country)
        Spell.objects.create(player=player, club=club, start=datetime.date(2010, 7, 1))
        SeasonStatistics.objects.create(
            player=player, club=club, season=season, division=division, league_apps=3
        )


def names_in(content: str, start_marker: str, end_marker: str | None = None) -> list[str]:
    part = content[content.index(start_marker) :]
    if end_marker and end_marker in part:
        part = part[: part.index(end_marker)]
    return re.findall(r'class="card-title" href="[^"]+">([^<]+)</a>', part)


@pytest.mark.parametrize(
    "url",
    [
        "/players/",
        "/players/?page=2",
        "/players/?position=defender",
        "/players/?nationality=DE",
        "/clubs/werder-bremen/",
        "/clubs/werder-bremen/?page=2",
    ],
)
def test_list_and_club_page_queries_do_not_grow_with_the_players(
    client, club, other_club, season, division, germany, url
):
    grow(30, start=0, club=club, other=other_club, season=season, division=division,
         country=germany)  # fmt: skip
    client.get(url)  # warm: content types, sessions
    cache.clear()  # both counts cold: no cached filter choices or content version
    before, _ = get_counting_queries(client, url)
    grow(30, start=30, club=club, other=other_club, season=season, division=division,
         country=germany)  # fmt: skip
    cache.clear()
    after, _ = get_counting_queries(client, url)
    assert len(after) == len(before), [q["sql"] for q in after]


def test_former_players_come_one_page_at_a_time(client, club, other_club, season, division,
                                               germany):  # fmt: skip
    n = FORMER_PAGE + 7
    grow(2 * n, start=0, club=club, other=other_club, season=season, division=division,
         country=germany)  # fmt: skip
    first = html(client.get("/clubs/werder-bremen/"))
    former_first = names_in(first, 'id="former-title"', 'id="club-interviews-title"')
    assert len(former_first) == FORMER_PAGE
    assert former_first == sorted(former_first)
    assert f"{n} former players" in first
    assert "Page 1 of 2" in first[first.index('id="former-title"') :]
    assert 'href="?page=2"' in first
    second = html(client.get("/clubs/werder-bremen/?page=2"))
    former_second = names_in(second, 'id="former-title"', 'id="club-interviews-title"')
    assert len(former_second) == n - FORMER_PAGE
    # every former player once, none of the current squad among them
    everyone = former_first + former_second
    assert len(set(everyone)) == n
    squad = set(Player.objects.filter(current_club=club).values_list("full_name", flat=True))
    assert not squad & set(everyone)
    current = names_in(first, 'id="squad-title"', 'id="former-title"')
    assert set(current) == squad


def search_players(client, query: str) -> list[str]:
    content = html(client.get("/search/", {"q": query}))
    return names_in(content, 'id="r-players"', "</section>")


def test_search_puts_the_exact_name_first(client, db):
    for name in ["Anton Jan Müller", "Jan Müllerová", "Jan Müller", "Bernd Jan Müller"]:
        Player.objects.create(full_name=name)
    found = search_players(client, "jan muller")
    assert found[0] == "Jan Müller"
    assert found[1] == "Jan Müllerová"  # the name starts with the query
    assert set(found) == {"Anton Jan Müller", "Jan Müllerová", "Jan Müller", "Bernd Jan Müller"}


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Tomáš Dvořáček", "dvoracek"),
        ("Tomas Dvoracek", "Dvořáček"),
        ("Łukasz Wiśniewski", "ŁUKASZ WIŚNIEWSKI"),
        ("Søren Øvergaard", "soren overgaard"),
    ],
)
def test_search_finds_names_whatever_the_accents(client, db, stored, query):
    Player.objects.create(full_name=stored)
    Player.objects.create(full_name="Someone Else")
    assert search_players(client, query) == [stored]


def test_the_importer_finds_a_player_by_exact_folded_name_without_like(db):
    jiri = Player.objects.create(full_name="Jiří Pavlenka", known_as="Pavlenka")
    Player.objects.create(full_name="Jiří Pavlenka Junior")
    with CaptureQueriesContext(connection) as queries:
        assert find_player("JIRI PAVLENKA") == jiri
        assert find_player("pavlenka") == jiri
    # The exact lookups (the folded name keys, UPPER of the alternative names) use no LIKE.
    # They are asked in one query with the lookup among players with an alternative name
    # (another accent or case): on SQLite an FTS5 MATCH, on PostgreSQL a LIKE that its
    # trigram index answers; that LIKE is the only one.
    likes = [q["sql"] for q in queries.captured_queries if " LIKE " in q["sql"].upper()]
    for sql in likes:
        assert connection.vendor == "postgresql", sql
        assert sql.upper().count(" LIKE ") == 1, sql
        assert "EXISTS" in sql.upper(), sql
    # an alternative name written with other accents is still found
    PlayerName.objects.create(player=jiri, name="Jirka Pávlenka")
    jiri.save()  # the alternative name joins search_text
    assert find_player("Jirka Pavlenka") == jiri
    assert find_player("Pavlenka Junior") is None
    assert find_player("jiri pavlenka junior") is not None


def test_the_club_filter_marks_the_chosen_club_and_escapes_names(client, germany):
    rot = Club.objects.create(name="Rot & Weiß <Essen>", country=germany)
    Club.objects.create(name="Nobody's Club", country=germany)  # no player: no option
    Player.objects.create(full_name="Jan Essen", current_club=rot)
    content = html(client.get("/players/", {"club": rot.slug}))
    assert f'<option value="{rot.slug}" selected>Rot &amp; Weiß &lt;Essen&gt;</option>' in content
    assert "Nobody" not in content
    assert content.count(" selected>") == 1
