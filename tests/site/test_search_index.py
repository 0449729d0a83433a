"""Player search through an index (issue 13): on SQLite an FTS5 trigram table kept in step
by triggers (core.search_index), on PostgreSQL the trigram GIN index. Both find exactly
what "every word of the query anywhere in the folded names" finds, and a player saved a
moment ago is found (or no longer found) at once."""

import html as html_text
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import filter_by_search
from core.search_index import check_search_index, index_table, repair_search_indexes
from core.text import normalize
from players.models import Player, PlayerName
from tests.helpers import html

NAMES = [
    ("Jiří Pavlenka", "", "Hlučín"),
    ("Jan Müller", "", "Mönchengladbach"),
    ("Jan Müllerová", "", ""),
    ("Anton Jan Müller", "Toni", "Köln"),
    ("Li Na", "", "Wuhan"),
    ("Łukasz Wiśniewski", "", "Łódź"),
    ("Søren Øvergaard", "", "Aarhus"),
    ("Mio Backhaus", "", "Mönchengladbach"),
    ("Ali Al-Hassan", "Ali", ""),
    ("Ole O'Neill", "", "Cork"),
]

QUERIES = {
    # query: the full names found, the exact name and the names that start with the query
    # first (after them PostgreSQL orders by trigram similarity, SQLite by name)
    "jan muller": ["Jan Müller", "Jan Müllerová", "Anton Jan Müller"],
    "MÜLLER": ["Anton Jan Müller", "Jan Müller", "Jan Müllerová"],
    "gladbach": ["Jan Müller", "Mio Backhaus"],
    "monchengladbach backhaus": ["Mio Backhaus"],
    "li": ["Li Na", "Ali Al-Hassan"],  # a short word: the scan
    "li wuhan": ["Li Na"],  # a short word beside an indexed one
    "al hassan": ["Ali Al-Hassan"],
    "o neill": ["Ole O'Neill"],
    "lodz": ["Łukasz Wiśniewski"],
    "toni": ["Anton Jan Müller"],
    "nobody": [],
    "jan nobody": [],
}
RANKED_FIRST = {"jan muller": ["Jan Müller", "Jan Müllerová"], "li": ["Li Na"]}


# Words FTS5 reads as operators unless quoted, and a prefix query's star (folded away).
FTS_WORDS = ["and", "or", "not", "near", "ton and", "ant*", "an OR ne", "NOT ali"]


@pytest.fixture
def players(db) -> list[Player]:
    made = [
        Player.objects.create(full_name=full, known_as=known, place_of_birth=place)
        for full, known, place in NAMES
    ]
    Player.objects.create(full_name="Jan Müller Geheim", status="draft")
    return made


def found(client, query: str) -> list[str]:
    """The full names of the search page's player results, in its order."""
    content = html(client.get("/search/", {"q": query}))
    if 'id="r-players"' not in content:  # no player found: no players section
        return []
    part = content[content.index('id="r-players"') :]
    part = part[: part.index("</section>")]
    shown = {p.name: p.full_name for p in Player.objects.all()}
    cards = re.findall(r'class="card-title" href="[^"]+">([^<]+)</a>', part)
    return [shown[html_text.unescape(name)] for name in cards]


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_the_search_page_finds_the_same_players_on_both_databases(client, players, query, expected):
    results = found(client, query)
    assert sorted(results) == sorted(expected)
    first = RANKED_FIRST.get(query, [])
    assert results[: len(first)] == first


def test_every_piece_of_a_name_finds_exactly_the_players_whose_names_hold_it(players):
    """Every substring of 1 to 7 characters of every stored search text, and pairs of them,
    against the plain rule: each word of the query somewhere in the folded names."""
    texts = dict(Player.objects.values_list("id", "search_text"))
    pieces = {
        text[i : i + n].strip()
        for text in texts.values()
        for n in range(1, 8)
        for i in range(len(text) - n + 1)
    }
    queries = [*sorted(p for p in pieces if p), "jan lodz", "mu ll", "pavlenka hlucin", *FTS_WORDS]
    for query in queries:
        words = normalize(query).split()
        expected = {pk for pk, text in texts.items() if all(w in text for w in words)}
        assert set(Player.objects.search(query).values_list("id", flat=True)) == expected, query


def test_a_new_renamed_or_deleted_player_is_found_or_gone_at_once(client, players):
    newcomer = Player.objects.create(full_name="Zoltán Kovács")
    assert found(client, "kovacs") == ["Zoltán Kovács"]

    newcomer.full_name = "Zoltán Szabó"
    newcomer.save()
    assert found(client, "kovacs") == []
    assert found(client, "szabo") == ["Zoltán Szabó"]

    # an alternative name, saved as the admin saves it (queryset.update of search_text)
    PlayerName.objects.create(player=newcomer, name="Zoli")
    newcomer.refresh_search_text()
    Player.objects.filter(pk=newcomer.pk).update(search_text=newcomer.search_text)
    assert found(client, "zoli") == ["Zoltán Szabó"]

    Player.objects.bulk_create([Player(full_name="Bulk", slug="bulk", search_text="bulk zsolt")])
    assert found(client, "zsolt") == ["Bulk"]

    newcomer.delete()
    Player.objects.filter(full_name="Bulk").delete()
    assert found(client, "szabo") == []
    assert found(client, "zsolt") == []
    check_search_index(connection, "players_player")  # SQLite: the index agrees with the rows


def test_a_player_made_a_draft_leaves_the_results(client, players):
    backhaus = Player.objects.get(full_name="Mio Backhaus")
    backhaus.status = "draft"
    backhaus.save()
    assert found(client, "backhaus") == []


sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 index is SQLite's; PostgreSQL has pg_trgm"
)


@sqlite_only
def test_the_search_reads_the_index_not_every_player(players):
    queryset = Player.objects.published().search("jan muller")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any(f"SCAN {index_table('players_player')} VIRTUAL TABLE" in step for step in plan)
    assert not any(re.match(r"SCAN players_player\b(?!_)", step) for step in plan), plan
    # a query of short words only cannot use the trigram index: the scan, as before
    assert "MATCH" not in str(Player.objects.search("li na").query)


@sqlite_only
def test_the_admin_search_uses_the_index_too(players):
    with CaptureQueriesContext(connection) as queries:
        assert [p.full_name for p in filter_by_search(Player.objects.all(), "pavlenka")] == [
            "Jiří Pavlenka"
        ]
    assert "MATCH" in queries.captured_queries[0]["sql"]


@sqlite_only
def test_migrate_puts_back_the_triggers_a_rebuilt_table_lost(players):
    """SQLite drops a table's triggers when a migration rebuilds the table (Django alters
    a column that way); the next migrate's post_migrate puts them back and re-reads."""
    with connection.cursor() as cursor:
        for event in ("insert", "update", "delete"):
            cursor.execute(f"DROP TRIGGER {index_table('players_player')}_{event}")
    Player.objects.create(full_name="Zoltán Kovács")
    assert not Player.objects.search("kovacs").exists()  # what a lost trigger would do

    repair_search_indexes(using="default")
    assert [p.full_name for p in Player.objects.search("kovacs")] == ["Zoltán Kovács"]
    Player.objects.create(full_name="Zoltán Szabó")
    assert [p.full_name for p in Player.objects.search("szabo")] == ["Zoltán Szabó"]


@sqlite_only
def test_clubs_and_interviews_are_searched_through_their_indexes_too(client, db):
    from clubs.models import Club
    from interviews.models import Interview

    Club.objects.create(name="Górnik Zabrze")
    Club.objects.create(name="Werder Bremen")
    Interview.objects.create(title="Ich bin angekommen: Jiří Pavlenka über Bremen")
    for queryset, table in [
        (Club.objects.published().search("gornik"), "clubs_club"),
        (Interview.objects.published().search("angekommen"), "interviews_interview"),
    ]:
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = [row[-1] for row in cursor.fetchall()]
        assert any(f"SCAN {index_table(table)} VIRTUAL TABLE" in step for step in plan), plan
        assert queryset.count() == 1
    page = client.get("/search/?q=zabrze").content.decode()
    assert "Górnik Zabrze" in page
    renamed = Club.objects.get(name="Werder Bremen")
    renamed.name = "SV Werder Bremen"
    renamed.save()
    assert [c.name for c in Club.objects.search("sv werder")] == ["SV Werder Bremen"]
