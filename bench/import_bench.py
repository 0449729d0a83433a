"""Import benchmark: N synthetic biographies in the seed format into a fresh SQLite database.

    .venv/bin/python bench/import_bench.py            # 1,000 documents
    .venv/bin/python bench/import_bench.py 200 --keep  # keep the temp folder and database

Prints documents per second of the first import and the time of a second, no-change run
(every document unchanged: skipped by checksum after checking that none of its records
was edited or deleted since), the time of parsing the same documents alone and the
import's ratio to it, and the process's peak memory (ru_maxrss) after each run. Beside
each time, the CPU time of this process (the import's own work; the parsing child's is not
counted): on a machine shared with other jobs the wall-clock figures swing with the load,
the CPU figures much less, and their ratio is the one to compare between runs.

    .venv/bin/python bench/import_bench.py 1000 \
        --database-url postgres://postgres@127.0.0.1:5432/kader_import_bench
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Mio", "Tomáš", "Łukasz", "Jiří", "Søren", "Zoë", "Iñaki", "Şükrü", "Anđelo",
         "Kōta", "Björn", "José", "Mateus", "Oğuz", "Răzvan", "Ádám", "Nikola", "Eérik",
         "Luís", "Pål"]  # fmt: skip
LAST = ["Backhaus", "Dvořáček", "Wiśniewski", "Øvergaard", "Müller", "Nuñez", "Çelik",
        "Petrović", "Takahashi", "Lindqvist", "Gonçalves", "Kovač", "Szabó", "Dąbrowski",
        "Ferreira", "Ionescu", "Jørgensen", "Bianchi", "Ó Súilleabháin",
        "Van der Berg"]  # fmt: skip
LEAGUES = [  # (country, demonym, division of the first team, division of the second)
    ("Germany", "German", "Bundesliga", "Regionalliga Nord",
     ["Werder Bremen", "Hamburger SV", "VfL Bochum", "1. FC Köln", "Fortuna Düsseldorf"]),
    ("Poland", "Polish", "Ekstraklasa", "II liga",
     ["Lech Poznań", "Górnik Zabrze", "Wisła Kraków", "Legia Warsaw", "Śląsk Wrocław"]),
    ("Czech Republic", "Czech", "Czech First League", "Czech National Football League",
     ["Slavia Prague", "FK Teplice", "Viktoria Plzeň", "Baník Ostrava", "Sparta Prague"]),
    ("Netherlands", "Dutch", "Eredivisie", "Eerste Divisie",
     ["FC Volendam", "AZ Alkmaar", "FC Utrecht", "Go Ahead Eagles", "NEC Nijmegen"]),
]  # fmt: skip
POSITIONS = ["Goalkeeper", "Centre-back", "Midfielder", "Forward", "Left-back", "Winger"]
MONTHS = ["January", "March", "July", "August", "September"]


def dash(n: int | None) -> str:
    return "—" if n is None else str(n)


def biography(n: int, rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
    surname = name.split()[-2]
    country, demonym, top, second, clubs = rng.choice(LEAGUES)
    home, loan_club = rng.sample(clubs, 2)
    start = rng.randint(2008, 2019)
    seasons = [f"{y}–{(y + 1) % 100:02d}" for y in range(start, start + 5)]
    loan_at = rng.randint(1, 3)
    rows, totals = [], [0, 0, 0, 0]
    rows.append(f"| {home} II | {seasons[0]} | {second} | {(a := rng.randint(1, 30))} | "
                f"{(g := rng.randint(0, 5))} | — | — | — | {a} | {g} | |")  # fmt: skip
    totals[0] += a
    totals[1] += g
    home_rows = []
    for i, season in enumerate(seasons[1:], start=1):
        la, lg, ca, cg = rng.randint(0, 34), rng.randint(0, 9), rng.randint(0, 4), 0
        totals = [totals[0] + la, totals[1] + lg, totals[2] + ca, totals[3] + cg]
        cells = f"{la} | {lg} | {ca} | {cg} | — | — | {la + ca} | {lg + cg}"
        if i == loan_at:
            rows.append(f"| {loan_club} (loan) | {season} | {top} | {cells} |")
        else:
            home_rows.append((season, cells))
    block = [f"| {home} | {home_rows[0][0]} | {top} | {home_rows[0][1]} |"]
    block += [f"| {season} | {cells} | |" for season, cells in home_rows[1:]]
    table = "\n".join(rows[:1] + block + rows[1:])
    total = (f"| Career total | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} | 0 | 0 | "
             f"0 | 0 | {totals[0] + totals[2]} | {totals[1] + totals[3]} |")  # fmt: skip
    loan_year = start + loan_at
    caps = rng.randint(2, 30)
    return f"""= {name} =

{name}
- Date of birth: {rng.randint(1, 28)} {rng.choice(MONTHS)} {start - 18}
- Birthplace: {rng.choice(["Kraków", "Plzeň", "Münster", "Utrecht", "Gdańsk"])}, {country}
- Position: {rng.choice(POSITIONS)}
- Current club: {home}
- Height: 1.{rng.randint(70, 95)} m
- Shirt colour: {rng.choice(["green", "blue", "red"])}

, also known as {name.split()[0]} {rng.choice(LAST)} is a {demonym} professional footballer who plays for club {home}.

==Club career==
{surname} joined the {home} youth team in {start - 4}, having previously been at {rng.choice(clubs)}. He agreed a new contract with {home} tying him to the club until {start + 7}.

In {rng.choice(MONTHS)} {loan_year}, {surname} joined {loan_club} on a season-long loan from {home}.

==International career==
{surname} has represented {country} at youth levels since {start - 3}, winning {caps} caps in the {country} U19 and {country} U21 sides.

==Career statistics==

| Club | Season | League | Cup | Europe | Other | Total | | | | |
| Division | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals |
{table}
{total}
"""  # noqa: E501


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url", help="a PostgreSQL database to create and drop (default: SQLite)"
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="kader-bench-"))
    docs = folder / "docs"
    docs.mkdir()
    rng = random.Random(args.seed)
    for n in range(args.n):
        (docs / f"bio_{n:05d}.txt").write_text(biography(n, rng), encoding="utf-8")

    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    if args.database_url:
        sys.path.insert(0, str(ROOT / "bench"))
        from scale import create_database

        create_database(args.database_url)
    os.environ.setdefault("KADER_ENV", "development")
    # As in production: DEBUG keeps a log of every query, which a real import does not pay.
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from imports.importer import import_documents, read_paths
    from imports.parsing import parse_document

    call_command("migrate", verbosity=0)
    print(f"{args.n} synthetic biographies in {docs}")
    began, cpu = time.perf_counter(), time.process_time()
    for path in sorted(docs.iterdir()):
        parse_document(path.read_text(encoding="utf-8"), path.name)
    parsing = time.perf_counter() - began
    parsing_cpu = time.process_time() - cpu
    print(
        f"{'parsing alone':24} {parsing:7.2f} s  {args.n / parsing:8.1f} documents/s  "
        f"cpu {parsing_cpu:.2f} s"
    )

    runs = []
    for label in ("first import", "second run (no change)"):
        uploads = read_paths([docs])
        began, cpu = time.perf_counter(), time.process_time()
        result = import_documents(uploads=uploads)
        elapsed = time.perf_counter() - began
        used = time.process_time() - cpu
        runs.append(elapsed)
        statuses = dict(result.by_status())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{label:24} {elapsed:7.2f} s  {args.n / elapsed:8.1f} documents/s  "
            f"{elapsed / parsing:5.2f}× parsing  peak {peak:.0f} MiB  {statuses}"
        )
        print(f"{'':24} cpu {used:.2f} s, {used / parsing_cpu:.2f}× parsing's cpu")
        for failed in result.failed[:5]:
            print("   failed:", failed.file_name, [e.text for e in failed.errors])
    print(f"second run takes {runs[1] / runs[0]:.1%} of the first")
    if args.keep:
        print(f"kept {folder}")
    else:
        shutil.rmtree(folder)
        if args.database_url:
            from scale import drop_database

            drop_database(args.database_url)


if __name__ == "__main__":
    main()
