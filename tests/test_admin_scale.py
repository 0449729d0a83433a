"""The admin's player changelist at 100,000 players and more (issue 13): it counts no
further than a few pages beyond the one shown and says "more than N", pages by id in the
order of an index, and its search and filters go through indexes. Figures: bench/scale.py."""

import re

import pytest
from django.contrib import admin
from django.db import connection
from django.urls import reverse

from core.admin import CappedCountPaginator
from players.models import Player
from tests.helpers import get_counting_queries

URL = reverse("admin:players_player_changelist")


@pytest.fixture
def small_pages(monkeypatch):
    """5 players a page, 25 counted on page 1: page p knows of (p + 4) * 5 rows; "Show
    all" up to 10 (in production 200 and 1,000 counted)."""
    monkeypatch.setattr(admin.site._registry[Player], "list_per_page", 5)
    monkeypatch.setattr(admin.site._registry[Player], "list_max_show_all", 10)
    monkeypatch.setattr(CappedCountPaginator, "base_cap", 25)


def players(n: int, name: str = "Spieler") -> list[Player]:
    return [Player.objects.create(full_name=f"{name} {i:03d}") for i in range(n)]


def page_links(content: str) -> list[str]:
    nav = content[content.index('<nav class="paginator"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r"<li>\s*(?:<a [^>]*>|<span[^>]*>)?([^<\s]+)", nav)


def page_ids_queries(queries: list[dict]) -> list[str]:
    """The queries that read a page's ids (CappedCountPaginator.page)."""
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith('SELECT "players_player"."id" AS "pk" FROM')
        and "COUNT(" not in q["sql"]
    ]


def test_page_one_of_a_long_list_says_more_than_and_counts_no_further(editor_client, small_pages):
    players(40)
    queries, content = get_counting_queries(editor_client, URL)
    # Page 1 counts up to page 5: 25 rows, and one more to know there are more.
    assert "more than 25 players" in content
    assert page_links(content) == ["1", "2", "3", "4", "…"]
    response = editor_client.get(URL)
    shown = [p.full_name for p in response.context["cl"].result_list]
    assert shown == [f"Spieler {i:03d}" for i in range(5)]
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert counts, "the changelist counts its rows"
    assert all("LIMIT 26" in sql for sql in counts), counts
    assert "Select all matching players" in content


def test_a_page_near_the_end_knows_the_whole_count(editor_client, small_pages):
    players(40)
    response = editor_client.get(URL, {"p": 8})
    content = response.content.decode()
    assert "40 players" in content
    assert "more than" not in content
    assert page_links(content)[-3:] == ["6", "7", "8"]
    shown = [p.full_name for p in response.context["cl"].result_list]
    assert shown == [f"Spieler {i:03d}" for i in range(35, 40)]


def test_a_deep_page_walks_to_its_rows_once_and_counts_nothing(editor_client, small_pages):
    players(130)
    queries, content = get_counting_queries(editor_client, URL, data={"p": 20})
    assert "more than 120 players" in content
    assert page_links(content)[-4:] == ["21", "22", "23", "…"]
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    (walk,) = page_ids_queries(queries)  # the page and the 4 after it, and one row more
    assert "LIMIT 26 OFFSET 95" in walk
    response = editor_client.get(URL, {"p": 20})
    shown = [p.full_name for p in response.context["cl"].result_list]
    assert shown == [f"Spieler {i:03d}" for i in range(95, 100)]


def test_a_page_past_the_end_is_an_error_not_an_empty_list(editor_client, small_pages):
    players(12)
    response = editor_client.get(URL, {"p": 9})
    assert response.status_code == 302  # Django's changelist: back with ?e=1
    assert "e=1" in response["Location"]


def test_show_all_is_offered_only_for_a_list_counted_to_its_end(
    editor_client, small_pages, monkeypatch
):
    players(40)
    assert 'class="showall"' not in editor_client.get(URL).content.decode()
    # A cap below the "Show all" limit is raised to it: 40 rows are all counted.
    monkeypatch.setattr(admin.site._registry[Player], "list_max_show_all", 100)
    content = editor_client.get(URL).content.decode()
    assert "40 players" in content
    assert "more than" not in content
    assert 'class="showall"' in content


def test_a_short_list_is_counted_exactly(editor_client, small_pages):
    players(7)
    content = editor_client.get(URL).content.decode()
    assert "7 players" in content
    assert page_links(content) == ["1", "2"]


def test_namesakes_are_in_id_order_both_ways_so_one_index_serves(editor_client, small_pages):
    namesakes = [Player.objects.create(full_name="Jan Müller") for _ in range(3)]
    players(3, "Anton Zeh")
    players(3, "Zoltan Abel")
    ids = [p.pk for p in namesakes]
    up = editor_client.get(URL).context["cl"].result_list
    assert [p.pk for p in up][3:] == ids[:2]
    down = editor_client.get(URL, {"o": "-2"}).context["cl"].result_list
    assert [p.pk for p in down][3:] == ids[::-1][:2]
    orders = [
        sql.split("ORDER BY")[1]
        for params in ({}, {"o": "-2"})
        for sql in page_ids_queries(get_counting_queries(editor_client, URL, data=params)[0])
    ]
    assert len(orders) == 2
    assert all(
        re.search(r'"full_name" (ASC|DESC), (1|"players_player"\."id") \1', order)
        for order in orders
    ), orders


def test_only_the_name_column_sorts(editor_client, player):
    content = editor_client.get(URL).content.decode()
    assert content.count('class="sortable') == 1
    assert 'class="sortable column-full_name' in content


def test_a_search_with_many_matches_says_more_than(editor_client, small_pages):
    players(30, "Jürgen Müller")
    players(3, "Anton Zeh")
    content = editor_client.get(URL, {"q": "muller"}).content.decode()
    assert "more than 25 results" in content
    assert "Zeh" not in content
    narrow = editor_client.get(URL, {"q": "zeh"}).content.decode()
    assert "3 results" in narrow


def test_the_changelist_reads_its_page_from_the_name_index(editor_client, small_pages):
    """The page's ids come from player_admin_by_name in order: no sort of the table."""
    players(40)
    queries, _ = get_counting_queries(editor_client, URL, data={"p": 3})
    (ids_query,) = page_ids_queries(queries)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # 40 rows: a scan is cheaper
            cursor.execute("EXPLAIN " + ids_query)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "player_admin_by_name" in plan, plan
            assert "Sort" not in plan, plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + ids_query)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "player_admin_by_name" in plan, plan
            assert "TEMP B-TREE" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="INCLUDE is PostgreSQL's")
def test_a_search_tests_the_names_in_the_index_without_reading_the_table(
    editor_client, small_pages
):
    """A common name's page walks the name index and tests search_text kept in it
    (migration 0012): an index-only scan, no read of each passed-over player's row."""
    players(20, "Jürgen Müller")
    players(20, "Anton Zeh")
    queries, _ = get_counting_queries(editor_client, URL, data={"q": "muller", "p": 2})
    (ids_query,) = page_ids_queries(queries)
    with connection.cursor() as cursor:
        # 40 fresh rows: any other path is cheaper; only the index-only one is left.
        for scan in ("seqscan", "bitmapscan", "indexscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        cursor.execute("EXPLAIN " + ids_query)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using player_admin_by_name" in plan, plan
    assert "Sort" not in plan, plan


def test_the_row_checkboxes_are_djangos(editor_client, player):
    """The checkbox is written without a widget render; an editor's browser gets the same."""
    model_admin = admin.site._registry[Player]
    content = editor_client.get(URL).content.decode()
    assert str(admin.ModelAdmin.action_checkbox(model_admin, player)) in content
    assert str(model_admin.action_checkbox(player)) == str(
        admin.ModelAdmin.action_checkbox(model_admin, player)
    )
