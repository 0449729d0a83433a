"""An import beside editors' saves on the default SQLite set-up: any "database is locked"?

    .venv/bin/python bench/sqlite_concurrency.py          # 200 documents, 2 editors saving
    .venv/bin/python bench/sqlite_concurrency.py 500 --editors 4

Imports N synthetic biographies (bench/import_bench.py) with `manage.py import_seeds` in a
child process, as the import worker would, while threads save a club every 50 ms as editors
in the admin would (a transaction that reads, then writes, with simple-history). Prints the
failed documents, the failed saves and the save latency (median, 95th percentile, max).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("documents", nargs="?", type=int, default=200)
    parser.add_argument("--editors", type=int, default=2)
    args = parser.parse_args()

    from import_bench import biography

    folder = Path(tempfile.mkdtemp(prefix="kader-sqlite-"))
    docs = folder / "docs"
    docs.mkdir()
    rng = random.Random(10)
    for n in range(args.documents):
        (docs / f"bio_{n:04d}.txt").write_text(biography(n, rng), encoding="utf-8")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("KADER_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import OperationalError, close_old_connections, transaction

    from clubs.models import Club, Country

    call_command("migrate", verbosity=0)
    country = Country.objects.create(code="XX", name="Benchland", demonym="Benchish")
    clubs = [Club.objects.create(name=f"Editor FC {i}", country=country) for i in range(8)]

    importer = subprocess.Popen(
        [sys.executable, "manage.py", "import_seeds", str(docs), "-v", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    started = time.perf_counter()
    latencies: list[float] = []
    failures: list[str] = []

    def editor(number: int) -> None:
        club = clubs[number]
        while importer.poll() is None:
            begin = time.perf_counter()
            try:
                with transaction.atomic():
                    fresh = Club.objects.select_for_update().get(pk=club.pk)
                    fresh.short_name = f"E{number} {begin:.3f}"[:30]
                    fresh.save()
                latencies.append(time.perf_counter() - begin)
            except OperationalError as error:
                failures.append(str(error))
            time.sleep(0.05)
        close_old_connections()

    threads = [threading.Thread(target=editor, args=(i,)) for i in range(args.editors)]
    for thread in threads:
        thread.start()
    output, _ = importer.communicate()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    failed_docs = output.count("database is locked")
    print(output.strip().splitlines()[-1] if output.strip() else "(no output)")
    print(f"{args.documents} documents in {elapsed:.1f} s ({args.documents / elapsed:.1f}/s)")
    print(f"import: exit {importer.returncode}, 'database is locked' in output: {failed_docs}")
    print(f"editor saves: {len(latencies)} ok, {len(failures)} failed")
    if latencies:
        ordered = sorted(latencies)
        p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) > 1 else ordered[0]
        print(
            f"save latency: median {statistics.median(ordered) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
        )
    for failure in sorted(set(failures)):
        print("  save failed:", failure)


if __name__ == "__main__":
    main()
