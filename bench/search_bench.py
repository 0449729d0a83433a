"""Player search on SQLite with and without the FTS5 trigram index (core.search_index).

    .venv/bin/python bench/search_bench.py               # 50,000 players
    .venv/bin/python bench/search_bench.py 200000 --runs 9 --keep

Builds N published players (names of many countries, a place of birth) in a fresh SQLite
file through bulk_create (so through the index's insert trigger), ANALYZE, then times the
search page's player query (players.search.search_players with the page's limit: the
ranked rows, their club, their alternative names) per query, with the index and without
it (the same search as a LIKE scan of every row, as before). Floor: the importer's exact
lookup of one player by folded name through a btree index, in the same run, so the ratios
can be compared between runs on a busy machine. It prints the median ms of --runs, the
ratio to the floor, the number of players found and the query plan of each.
It also times inserting 2,000 more players with and without the triggers, and the index's
size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import scale  # bench/scale.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# scale.py's names, with two first names short enough that the index cannot serve a
# search for them alone ("li") and players with no place of birth.
FIRST = [*scale.FIRST, "Li", "Ali"]
LAST = scale.LAST
TOWNS = [*scale.TOWNS, ""]
RARE_NAME = scale.RARE_NAME

QUERIES = [
    ("common name", "müller"),
    ("first and last name", "jan muller"),
    ("rare name", "zwolfhaupt"),
    ("accented, 2 words", "Dvořáček tomas"),
    ("piece of a name", "ndqvi"),
    ("place of birth", "gdansk"),
    ("no match", "xyzzyq"),
    ("short word only (scan)", "li"),
    ("short word + long", "li schulz"),
]


def build(n: int, seed: int = 13) -> None:
    from players.models import Player

    rng = random.Random(seed)
    batch: list[Player] = []
    for i in range(n):
        name = RARE_NAME if i == n // 2 else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        player = Player(full_name=name, place_of_birth=rng.choice(TOWNS), slug=f"p-{i}")
        player.refresh_search_text()
        batch.append(player)
        if len(batch) == 5000:
            Player.objects.bulk_create(batch)
            batch = []
    Player.objects.bulk_create(batch)


def median_ms(fn, runs: int) -> float:
    fn()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plan(query: str) -> list[str]:
    from django.db import connection

    from players.models import Player

    sql, params = Player.objects.published().search(query).order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[-1] for row in cursor.fetchall()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="search-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from core.search_index import create_search_index, drop_search_index, index_table
    from interviews.pages import SEARCH_LIMIT
    from players.models import Player
    from players.search import search_players

    call_command("migrate", verbosity=0)
    print(f"SQLite {sqlite3.sqlite_version}, {os.getloadavg()[0]:.2f} load average")
    start = time.perf_counter()
    build(args.n)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{args.n:,} players built in {time.perf_counter() - start:.1f} s (with the index)")

    fts = index_table("players_player")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT sum(length(block)) FROM {fts}_data")
        index_bytes = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_size")
        page = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM players_player")
        rows = cursor.fetchone()[0]
    print(
        f"index: {index_bytes / 1e6:.1f} MB ({index_bytes / rows:.0f} bytes a player; page {page})"
    )

    key = Player.objects.get(full_name=RARE_NAME).name_key
    floor = median_ms(lambda: Player.objects.filter(name_key=key).first(), args.runs * 3)
    print(f"floor (one player by folded name, btree): {floor:.3f} ms\n")

    print("ms: median of --runs; page: search_players (the page's player results);")
    print("match: the ids of every matching published player, unordered (the filter alone)\n")
    header = ["query", "found", "page idx", "×floor", "page scan", "×floor", "match idx"]
    header += ["match scan", "scan/idx"]
    print(f"{header[0]:<24}" + "".join(f"{h:>11}" for h in header[1:]))
    plans = []

    def ids(query: str) -> list[int]:
        matching = Player.objects.published().search(query).order_by()
        return list(matching.values_list("id", flat=True))

    for label, query in QUERIES:
        found = len(ids(query))
        page_index = median_ms(lambda q=query: search_players(q, SEARCH_LIMIT), args.runs)
        match_index = median_ms(lambda q=query: ids(q), args.runs)
        plans.append((query, plan(query)))
        Player.indexed_search = False
        try:
            page_scan = median_ms(lambda q=query: search_players(q, SEARCH_LIMIT), args.runs)
            match_scan = median_ms(lambda q=query: ids(q), args.runs)
            assert found == len(ids(query)), query
            scan_plan = plan(query)
        finally:
            Player.indexed_search = True
        figures = [page_index, page_index / floor, page_scan, page_scan / floor]
        figures += [match_index, match_scan]
        print(
            f"{label:<24}{found:>11}"
            + "".join(f"{f:>11.2f}" for f in figures)
            + f"{match_scan / match_index:>10.1f}×"
        )
    print("\nplans with the index:")
    for query, steps in plans:
        print(f"  {query!r}: {' | '.join(steps)}")
    print(f"plan without it: {' | '.join(scan_plan)}")

    # writes: 2,000 more players through the triggers, then without them
    def insert(prefix: str) -> float:
        players = []
        for i in range(2000):
            p = Player(full_name=f"Extra {prefix} {i}", slug=f"x-{prefix}-{i}")
            p.refresh_search_text()
            players.append(p)
        start = time.perf_counter()
        Player.objects.bulk_create(players)
        return (time.perf_counter() - start) * 1000

    with_triggers, without = [], []
    for round_ in range(3):  # alternated: the machine's load moves between them
        with_triggers.append(insert(f"a{round_}"))
        drop_search_index(connection, "players_player")
        without.append(insert(f"b{round_}"))
        create_search_index(connection, "players_player")
    print(
        f"\n2,000 inserts (bulk_create), median of 3: {statistics.median(with_triggers):.0f} ms "
        f"with the index, {statistics.median(without):.0f} ms without"
    )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    connection.close()
    if args.keep:
        print(f"database kept in {folder}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
