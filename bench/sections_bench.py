"""Re-import cost of a biography with many sections: it must grow linearly.

    .venv/bin/python bench/sections_bench.py 1000 2000 4000

For each N, a biography with N sections is imported into a fresh SQLite database, then
imported again with --force (every section merged against the stored one). Prints the
seconds of each second run and the time per section; per-section times that stay flat
mean linear growth.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def biography(sections: int) -> str:
    lines = [
        "= Anna Beispiel =",
        "- Position: Midfielder",
        "",
        "Anna Beispiel is a footballer.",
        "",
    ]
    for n in range(sections):
        lines += [f"== Section {n} ==", f"Paragraph {n} of the career, with some words.", ""]
    return "\n".join(lines) + "\n"


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 2000, 4000]
    temp = Path(tempfile.mkdtemp(prefix="kader-sections-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{temp / 'bench.sqlite3'}"
    os.environ["KADER_ENV"] = "development"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from imports.importer import Upload, import_documents

    try:
        call_command("migrate", verbosity=0)
        print(f"{'sections':>9} {'first s':>9} {'again s':>9} {'ms/section':>11}")
        for size in sizes:
            upload = Upload(file_name=f"bio-{size}.txt", data=biography(size).encode())
            started = time.perf_counter()
            import_documents(uploads=[upload])
            first = time.perf_counter() - started
            started = time.perf_counter()
            import_documents(uploads=[upload], force=True)
            again = time.perf_counter() - started
            print(f"{size:>9} {first:>9.2f} {again:>9.2f} {1000 * again / size:>11.3f}")
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
