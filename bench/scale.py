"""Scale benchmark: N players with their careers in a fresh database, each page's server time.

    .venv/bin/python bench/scale.py 100000                       # PostgreSQL, db kader_scale
    .venv/bin/python bench/scale.py 20000 --database-url sqlite:////tmp/scale.sqlite3
    .venv/bin/python bench/scale.py 100000 --keep                 # keep the database
    .venv/bin/python bench/scale.py 100000 --reuse --multiply 10  # kept 100,000 → 1,000,000
    .venv/bin/python bench/scale.py 100000 --reuse --scaled 10    # measure that 1,000,000 again

Builds N players (about 5 season rows, 2 spells, 1–2 nationalities and a source document
each), N/50 clubs of which a few are big (many former players), a few thousand
interviews, through the models with bulk_create. Then it times each page through the
Django test client with DEBUG off and the page cache off (KADER_PAGE_CACHE_SECONDS=0):
cold (the cache cleared: no content version, no cached filter choices) and warm (median
and minimum of --runs with those data caches filled; cpu: the Python process's CPU time
of a warm request, which load on the machine disturbs least), the queries of a cold
request (sql: their summed time) and their plans (EXPLAIN on PostgreSQL, EXPLAIN QUERY
PLAN on SQLite) with the full scans of tables over 10,000 rows, and on PostgreSQL each
query whose estimated cost is over jit_above_cost (JIT compiled, where jit is on).
--multiply K copies the built players and their rows in SQL to K × N (see multiply())
before measuring; --scaled K measures a kept database that --multiply K made, copying
nothing. --only TEXT measures only the pages whose label contains TEXT (repeatable).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kader_scale"

FIRST = ["Mio", "Tomáš", "Łukasz", "Jiří", "Søren", "Zoë", "Iñaki", "Şükrü", "Anđelo",
         "Kōta", "Björn", "José", "Mateus", "Oğuz", "Răzvan", "Ádám", "Nikola", "Eérik",
         "Luís", "Pål", "Jan", "Peter", "Lukas", "Jonas", "Felix", "Paul", "Leon", "Max",
         "David", "Tim", "Marco", "Kevin", "Daniel", "Tobias", "Florian", "Sebastian",
         "Andreas", "Michael", "Thomas", "Stefan"]  # fmt: skip
LAST = ["Backhaus", "Dvořáček", "Wiśniewski", "Øvergaard", "Müller", "Nuñez", "Çelik",
        "Petrović", "Takahashi", "Lindqvist", "Gonçalves", "Kovač", "Szabó", "Dąbrowski",
        "Ferreira", "Ionescu", "Jørgensen", "Bianchi", "Ó Súilleabháin", "Van der Berg",
        "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
        "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
        "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier"]  # fmt: skip
TOWNS = ["Kraków", "Plzeň", "Münster", "Utrecht", "Gdańsk", "Bremen", "Köln", "Brno",
         "Łódź", "Göteborg", "Zürich", "Aarhus"]  # fmt: skip
RARE_NAME = "Quirin Zwölfhaupt"  # one player: the rare name search
BIG_TABLES = (
    "players_player",
    "players_player_nationalities",
    "players_spell",
    "players_seasonstatistics",
    "players_playername",
    "sources_provenance",
    "sources_sourcedocument",
    "interviews_mention",
    "interviews_interview_players",
)


def create_database(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme.startswith("sqlite"):
        Path(parsed.path).unlink(missing_ok=True)
        return
    name = parsed.path.lstrip("/")
    if name in {"test", "postgres", "kader"}:
        raise SystemExit(f"refusing to drop database {name!r}: name a bench database")
    import psycopg

    admin = parsed._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme.startswith("sqlite"):
        Path(parsed.path).unlink(missing_ok=True)
        return
    import psycopg
    from django.db import connections

    connections.close_all()
    admin = parsed._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.path.lstrip("/")}" WITH (FORCE)')


def build(n: int, rng: random.Random) -> dict[str, Any]:
    """The data set; returns what the measured URLs need (slugs, names)."""
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from clubs.models import Club, Competition, Country, Season
    from core.text import normalize, slugify_name
    from interviews.models import Interview, Mention, Outlet
    from players.models import Player, Position, SeasonStatistics, Spell
    from sources.models import Provenance, SourceDocument

    batch = 5000
    began = time.perf_counter()
    with transaction.atomic():
        countries = Country.objects.bulk_create(
            Country(code=f"{chr(65 + i // 26)}{chr(65 + i % 26)}", name=f"Country {i}")
            for i in range(60)
        )
        seasons = Season.objects.bulk_create(
            Season(start_year=y, end_year=y + 1) for y in range(1990, 2026)
        )
        divisions = Competition.objects.bulk_create(
            Competition(name=f"League {i}", slug=f"league-{i}", tier=1 + i % 3) for i in range(30)
        )
        n_clubs = max(n // 50, 20)
        clubs = Club.objects.bulk_create(
            Club(
                name=f"FC {rng.choice(TOWNS)} {i}",
                slug=f"fc-{i}",
                country=rng.choice(countries),
                search_text=normalize(f"FC {rng.choice(TOWNS)} {i}"),
            )
            for i in range(n_clubs)
        )
        big = clubs[:5]  # a few clubs have many former players
        positions = [p.value for p in Position]
        players = []
        for i in range(n):
            name = RARE_NAME if i == n // 2 else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            town = rng.choice(TOWNS)
            players.append(
                Player(
                    full_name=name,
                    slug=f"{slugify_name(name)}-{i}",
                    date_of_birth=dt.date(1960 + rng.randint(0, 45), rng.randint(1, 12), 1),
                    place_of_birth=town,
                    position=rng.choice(positions),
                    current_club=rng.choice(clubs) if rng.random() < 0.6 else None,
                    search_text=" ".join([normalize(name), normalize(town)]),
                )
            )
        Player.objects.bulk_create(players, batch_size=batch)
        through = Player.nationalities.through
        through.objects.bulk_create(
            (
                through(player_id=p.pk, country_id=c.pk)
                for p in players
                for c in rng.sample(countries, 1 if rng.random() < 0.8 else 2)
            ),
            batch_size=batch,
        )
        spells, rows = [], []
        for p in players:
            start = rng.randint(1990, 2020)
            first = rng.choice(big) if rng.random() < 0.1 else rng.choice(clubs)
            second = rng.choice(clubs)
            spells.append(
                Spell(
                    player=p, club=first, start=dt.date(start, 7, 1), end=dt.date(start + 3, 6, 30)
                )
            )
            if second.pk != first.pk and rng.random() < 0.3:
                spells.append(
                    Spell(
                        player=p,
                        club=second,
                        kind=Spell.Kind.LOAN,
                        owner_club=first,
                        start=dt.date(start + 3, 7, 1),
                        end=dt.date(start + 4, 6, 30),
                    )
                )
            else:
                spells.append(Spell(player=p, club=second, start=dt.date(start + 3, 7, 1)))
            division = rng.choice(divisions)
            for k in range(5):
                season = seasons[min(start - 1990 + k, len(seasons) - 1)]
                club = first if k < 3 else second
                rows.append(
                    SeasonStatistics(
                        player=p,
                        club=club,
                        season=season,
                        division=division,
                        on_loan=False,
                        league_apps=rng.randint(0, 34),
                        league_goals=rng.randint(0, 10),
                    )
                )
        Spell.objects.bulk_create(spells, batch_size=batch)
        SeasonStatistics.objects.bulk_create(rows, batch_size=batch, ignore_conflicts=True)
        documents = SourceDocument.objects.bulk_create(
            (
                SourceDocument(
                    file_name=f"bio_{p.pk}.txt",
                    checksum=f"{p.pk:064x}",
                    kind="biography",
                    text=f"= {p.full_name} =\n",
                )
                for p in players
            ),
            batch_size=batch,
        )
        player_type = ContentType.objects.get_for_model(Player)
        Provenance.objects.bulk_create(
            (
                Provenance(document=d, content_type=player_type, object_id=p.pk)
                for d, p in zip(documents, players, strict=True)
            ),
            batch_size=batch,
        )
        outlet = Outlet.objects.create(name="Kicker")
        n_interviews = min(max(n // 30, 50), 5000)
        interviews = Interview.objects.bulk_create(
            Interview(
                outlet=outlet,
                title=f"Interview {i}",
                slug=f"interview-{i}",
                language="de" if i % 2 else "en",
                search_text=f"interview {i}",
            )
            for i in range(n_interviews)
        )
        about = Interview.players.through
        about.objects.bulk_create(
            (about(interview_id=iv.pk, player_id=rng.choice(players).pk) for iv in interviews),
            batch_size=batch,
        )
        Mention.objects.bulk_create(
            (
                Mention(
                    interview=iv, club=rng.choice(big if rng.random() < 0.2 else clubs), name="club"
                )
                for iv in interviews
            ),
            batch_size=batch,
        )
        get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-pass-123")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"built {n} players, {len(spells)} spells, {len(rows)} season rows, {len(clubs)} clubs, "
        f"{n_interviews} interviews in {time.perf_counter() - began:.1f} s"
    )
    with_former = Spell.objects.filter(club=big[0]).values("player").distinct().count()
    common = f"{FIRST[-1]} {LAST[-1]}"
    return {
        "big_club": big[0].slug,
        "former_count": with_former,
        "profile": players[n // 3].slug,
        "player_pk": players[n // 3].pk,
        "common": common,
        "country": countries[3].code,
        "country_pk": countries[3].pk,
        "club": clubs[7].slug,
        "club_pk": clubs[7].pk,
    }


def multiply(n: int, times: int) -> None:
    """PostgreSQL: the built n players and their rows copied until there are n × times,
    in SQL (INSERT ... SELECT; building 1,000,000 players through the models would take an
    hour here). Copy k of player p takes p's first name, place of birth and career and the
    surname of another player, so names vary and a common name grows with the data set as
    it would; the one rare name stays one. Clubs are copied too (N/50 of them, five big
    ones a copy), and each copy's spells, season rows, current clubs, nationalities, source
    documents and provenance point to the copy's own rows. Interviews are not copied."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from players.models import Player

    if connection.vendor != "postgresql":
        raise SystemExit("--multiply needs PostgreSQL")
    began = time.perf_counter()
    player_type = ContentType.objects.get_for_model(Player).pk
    with transaction.atomic(), connection.cursor() as cursor:

        def columns(table: str) -> list[str]:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                "ORDER BY ordinal_position",
                [table],
            )
            return [row[0] for row in cursor.fetchall()]

        def copy(table: str, where: str, join: str = "", **expressions: str) -> None:
            """INSERT a copy k of each original row of table, for k in 1 .. times - 1:
            expressions for the columns that change (a missing id: a new one)."""
            names = [c for c in columns(table) if c != "id" or "id" in expressions]
            select = [expressions.get(c, f't."{c}"') for c in names]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(f'"{c}"' for c in names)}) "
                f"SELECT {', '.join(select)} FROM {table} t "
                f"CROSS JOIN generate_series(1, {times - 1}) k {join} WHERE {where}"
            )
            print(f"  {table}: {cursor.rowcount} rows copied", flush=True)

        cursor.execute("SELECT max(id), count(*) FROM players_player")
        players, count = cursor.fetchone()
        if count == n * times:
            print(f"already {count} players: nothing to copy")
            return
        if count != n or players != n:
            raise SystemExit(f"{count} players (ids up to {players}): build {n} afresh first")
        cursor.execute("SELECT max(id) FROM clubs_club")
        clubs = cursor.fetchone()[0]
        cursor.execute("SELECT max(id) FROM sources_sourcedocument")
        documents = cursor.fetchone()[0]
        club = f"t.{{}} + k * {clubs}"
        copy(
            "clubs_club",
            f"t.id <= {clubs}",
            id=club.format("id"),
            name="t.name || ' ' || k",
            slug="t.slug || '-c' || k",
            search_text="t.search_text || ' ' || k",
        )
        # Another player's surname: q = 1 + ((p - 1) * 7 + k * 7919) mod n, never the rare
        # one. search_text is the folded name, then the folded place of birth (one word).
        partner = (
            f"LEFT JOIN players_player q ON q.id = 1 + ((t.id - 1) * 7 + k.k * 7919) % {n}"
            f" AND q.full_name <> '{RARE_NAME}'"
        )
        rest = "substr({0}, length(split_part({0}, ' ', 1)) + 2)"
        surname = rest.format("coalesce(q.full_name, t.full_name)")
        folded = rest.format("coalesce(q.search_text, t.search_text)")
        copy(
            "players_player",
            f"t.id <= {players}",
            join=partner,
            id=f"t.id + k * {players}",
            full_name=f"split_part(t.full_name, ' ', 1) || ' ' || {surname}",
            search_text=f"split_part(t.search_text, ' ', 1) || ' ' || "
            f"regexp_replace({folded}, ' \\S+$', '') || ' ' || "
            "substring(t.search_text from '\\S+$')",
            name_key="''",
            slug="t.slug || '-c' || k",
            current_club_id=club.format("current_club_id"),
        )
        player = f"t.player_id + k * {players}"
        copy("players_player_nationalities", f"t.player_id <= {players}", player_id=player)
        copy(
            "players_spell",
            f"t.player_id <= {players}",
            player_id=player,
            club_id=club.format("club_id"),
            owner_club_id=club.format("owner_club_id"),
        )
        copy(
            "players_seasonstatistics",
            f"t.player_id <= {players}",
            player_id=player,
            club_id=club.format("club_id"),
        )
        copy("players_playername", f"t.player_id <= {players}", player_id=player)
        copy(
            "sources_sourcedocument",
            f"t.id <= {documents}",
            id=f"t.id + k * {documents}",
            checksum="'c' || k || right(t.checksum, 60)",
            file_name="'copy' || k || '_' || t.file_name",
        )
        copy(
            "sources_provenance",
            f"t.document_id <= {documents} AND t.content_type_id = {player_type}",
            document_id=f"t.document_id + k * {documents}",
            object_id=f"t.object_id + k * {players}",
        )
        for table in ("clubs_club", "players_player", "sources_sourcedocument"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"copied to {n * times} players in {time.perf_counter() - began:.1f} s")


def big_tables() -> set[str]:
    """The tables of BIG_TABLES with over 10,000 rows (a scan of a small one is no worry)."""
    from django.db import connection

    with connection.cursor() as cursor:
        sizes = {}
        for table in BIG_TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            sizes[table] = cursor.fetchone()[0]
    return {table for table, size in sizes.items() if size > 10_000}


def plans(queries: list[dict[str, str]], big: set[str]) -> list[str]:
    """Full scans of big tables in the plans of the page's queries. On PostgreSQL a
    sequential scan that a LIMIT stops early (``SELECT count(*) FROM (SELECT ... LIMIT n)``)
    is listed as "table (≤ LIMIT)": it reads at most n rows, not the table."""
    from django.db import connection

    scans = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT current_setting('jit') = 'on', current_setting('jit_above_cost')"
            )
            jit, jit_above_cost = cursor.fetchone()
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            if connection.vendor == "postgresql":
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                scans += seq_scans(plan[0]["Plan"], big, limited=False)
                cost = plan[0]["Plan"]["Total Cost"]
                if jit and cost > float(jit_above_cost):  # PostgreSQL would JIT-compile it
                    scans.append(f"JIT (cost {cost:,.0f})")
            else:
                try:
                    cursor.execute("EXPLAIN QUERY PLAN " + sql)
                except Exception:  # the logged SQL is not always re-runnable
                    continue
                for row in cursor.fetchall():
                    detail = row[-1]
                    for table in big:
                        if detail.startswith(f"SCAN {table}") and "INDEX" not in detail:
                            scans.append(table)
    return scans


# Plan nodes that read all of their input before giving a row: a LIMIT above them does not
# stop the scan below.
BLOCKING = {"Sort", "Incremental Sort", "Aggregate", "Hash", "Materialize", "WindowAgg", "SetOp"}


def seq_scans(node: dict[str, Any], big: set[str], *, limited: bool) -> list[str]:
    """The big tables a PostgreSQL plan (EXPLAIN FORMAT JSON) scans sequentially."""
    kind = node["Node Type"]
    found = []
    if kind == "Seq Scan" and node.get("Relation Name") in big:
        found.append(node["Relation Name"] + (" (≤ LIMIT)" if limited else ""))
    if kind == "Limit":
        limited = True
    elif kind in BLOCKING:
        limited = False
    for child in node.get("Plans", []):
        # The inner side of a nested loop is read again for each outer row.
        inner = kind == "Nested Loop" and child.get("Parent Relationship") == "Inner"
        found += seq_scans(child, big, limited=limited and not inner)
    return found


def next_link(url: str) -> str:
    """The Next link of a page (HTML: rel="next"; the API: "next"), as a reader who pages
    there by following it requests it: with the after= cursor of a deep page."""
    import html
    import re

    from django.test import Client

    response = Client().get(url)
    if url.startswith("/api/"):
        found = urlparse(response.json()["next"])
        return f"{found.path}?{found.query}"
    # rel="next" href="?page=n&amp;after=id": the page's own path, the query unescaped
    match = re.search(r'rel="next" href="([^"]+)"', response.content.decode())
    if not match:
        raise SystemExit(f"{url}: no Next link")
    return urlparse(url).path + html.unescape(match.group(1))


def measure(pages: list[tuple[str, str]], runs: int, verbose: bool) -> None:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.http import HttpResponseServerError
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous, admin = Client(), Client()
    admin.force_login(get_user_model().objects.get(username="bench"))
    big = big_tables()
    print(
        f"\n{'page':42} {'cold ms':>8} {'warm ms':>8} {'min ms':>7} {'cpu ms':>7} {'sql ms':>7}"
        f" {'queries':>7} {'KB':>5}  full scans of big tables"
    )
    for label, url in pages:
        client = admin if url.startswith("/admin/") else anonymous
        times, cpu = [], []
        cache.clear()  # cold: no content version, no cached filter choices
        try:  # and once more cold, with Python's own caches (templates) warm
            client.get(url)
        except Exception as error:  # reported below, with the page's status
            print(f"{label:42} raised {error!r:.200}")
        cache.clear()
        for _ in range(runs + 1):
            began, began_cpu = time.perf_counter(), time.process_time()
            response: Any
            try:
                response = client.get(url)
            except Exception as error:  # a page that fails is reported, the rest measured
                response = HttpResponseServerError(repr(error))
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            if response.status_code != 200:
                break
        if response.status_code != 200:
            print(f"{label:42} answered {response.status_code}")
            continue
        cold, warm = times[0], times[1:]  # warm: the data caches filled (no page cache)
        cache.clear()
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        scans = plans(captured.captured_queries, big)
        if verbose:
            for query in captured.captured_queries:
                print("   ", query["time"], query["sql"][:300])
        size = len(response.content) / 1024
        scanned = ", ".join(sorted(set(scans))) or "-"
        sql = sum(float(query["time"]) for query in captured.captured_queries) * 1000
        print(
            f"{label:42} {cold:8.1f} {statistics.median(warm):8.1f} {min(warm):7.1f} "
            f"{statistics.median(cpu[1:]):7.1f} {sql:7.1f} "
            f"{len(captured.captured_queries):7d} {size:5.0f}  {scanned}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure a kept database again")
    parser.add_argument("--verbose", action="store_true", help="print every query")
    parser.add_argument(
        "--multiply",
        type=int,
        default=1,
        metavar="K",
        help="PostgreSQL: copy the n players and their rows in SQL until there are n × K "
        "(with --reuse: of a kept database of n players), then measure",
    )
    parser.add_argument(
        "--scaled",
        type=int,
        default=1,
        metavar="K",
        help="with --reuse: the kept database already holds n × K players (made by "
        "--multiply K): measure it as that, copying nothing",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="measure only the pages whose label contains TEXT (repeatable)",
    )
    args = parser.parse_args()
    if args.scaled > 1 and (not args.reuse or args.multiply > 1):
        parser.error("--scaled measures a kept database: give --reuse and no --multiply")

    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("KADER_ENV", "development")
    os.environ["DEBUG"] = "0"  # as in production: no query log, cached templates
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    if not args.reuse:
        create_database(args.database_url)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.KADER_PAGE_CACHE_SECONDS = 0  # no cached pages: each render is measured
    call_command("migrate", verbosity=0)
    if args.reuse:  # a migration may have rewritten rows: as autovacuum would, in time
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    rng = random.Random(args.seed)
    if args.reuse:
        import pickle

        facts = pickle.loads(Path(f"/tmp/kader-scale-{args.n}.pickle").read_bytes())
        if "club_pk" not in facts:  # kept by an earlier version of this script
            from clubs.models import Club, Country

            facts["club_pk"] = Club.objects.get(slug=facts["club"]).pk
            facts["country_pk"] = Country.objects.get(code=facts["country"]).pk
    else:
        facts = build(args.n, rng)
        import pickle

        Path(f"/tmp/kader-scale-{args.n}.pickle").write_bytes(pickle.dumps(facts))
    if args.multiply > 1:
        multiply(args.n, args.multiply)
    total = args.n * args.multiply * args.scaled
    print(f"big club {facts['big_club']}: {facts['former_count']} players had a spell there")
    from django.core.cache import cache

    cache.clear()  # the development cache is files, shared with runs on other databases
    last_page = max(total // 24 // 2, 1)  # half-way through: a deep OFFSET
    admin_page = max(args.n // 100 // 2, 1)  # 500 at 100,000: the same page at 1,000,000
    pages = [
        ("search: common name", f"/search/?q={quote(facts['common'])}"),
        ("search: common surname 'müller'", "/search/?q=m%C3%BCller"),
        ("search: rare name", "/search/?q=zwolfhaupt"),
        ("search: accented 'dvořáček'", "/search/?q=dvo%C5%99%C3%A1%C4%8Dek"),
        ("/players/ page 1", "/players/"),
        (f"/players/ page {last_page}", f"/players/?page={last_page}"),
        (
            f"/players/ page {last_page}, by Next",
            next_link(f"/players/?page={last_page - 1}"),
        ),
        ("/players/ position", "/players/?position=defender"),
        ("/players/ position deep page", f"/players/?position=defender&page={last_page // 4}"),
        ("/players/ club", f"/players/?club={facts['club']}"),
        ("/players/ nationality", f"/players/?nationality={facts['country']}"),
        ("club page (big club)", f"/clubs/{facts['big_club']}/"),
        ("club page, former players page 20", f"/clubs/{facts['big_club']}/?page=20"),
        ("profile", f"/players/{facts['profile']}/"),
        ("admin player changelist", "/admin/players/player/"),
        ("admin changelist, search", "/admin/players/player/?q=m%C3%BCller"),
        ("admin changelist, rare name", "/admin/players/player/?q=zwolfhaupt"),
        (f"admin changelist, page {admin_page}", f"/admin/players/player/?p={admin_page}"),
        *(
            [(f"admin changelist, page {middle}", f"/admin/players/player/?p={middle}")]
            if (middle := total // 100 // 2) != admin_page
            else []
        ),
        (
            f"admin changelist, search page {max(admin_page // 25, 1)}",
            f"/admin/players/player/?q=m%C3%BCller&p={max(admin_page // 25, 1)}",
        ),
        ("admin changelist, position", "/admin/players/player/?position__exact=defender"),
        (
            "admin changelist, nationality",
            f"/admin/players/player/?nationalities__id__exact={facts['country_pk']}",
        ),
        (
            "admin changelist, current club",
            f"/admin/players/player/?current_club__id__exact={facts['club_pk']}",
        ),
        ("admin changelist, drafts", "/admin/players/player/?status__exact=draft"),
        ("API player list", "/api/v1/players/"),
        (f"API player list, page {last_page}", f"/api/v1/players/?page={last_page}"),
        (
            f"API player list, page {last_page}, by next",
            next_link(f"/api/v1/players/?page={last_page - 1}"),
        ),
        ("API player detail", f"/api/v1/players/{facts['profile']}/"),
    ]
    if args.only:
        pages = [(label, url) for label, url in pages if any(t in label for t in args.only)]
    measure(pages, args.runs, args.verbose)
    if not args.keep:
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
