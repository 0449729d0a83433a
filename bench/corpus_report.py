"""Corpus report: how many of an editor's facts the importer stores, misses or gets wrong.

    .venv/bin/python bench/corpus_report.py tests/corpus       # or ../shared/corpus
    .venv/bin/python bench/corpus_report.py FOLDER -v          # list every missing fact

Imports every document of FOLDER that has an ``X.expected.json`` into a throw-away SQLite
database (biographies first, as the importer orders them), then prints per document and in
total the facts found, missing and contradicted (a stored value that differs from the
expected one), and the time spent parsing and importing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each problem")
    args = parser.parse_args()
    folder = args.folder.resolve()
    temp = Path(tempfile.mkdtemp(prefix="kader-corpus-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{temp / 'corpus.sqlite3'}"
    os.environ["KADER_ENV"] = "test"
    os.environ["MEDIA_ROOT"] = str(temp / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.core.management import call_command

    from imports.evaluation import CONTRADICTED, FOUND, MISSING, evaluate, expected_files, totals
    from imports.importer import Upload, import_documents
    from imports.parsing import decode_document, parse_document
    from imports.parsing.documents import ParseError

    try:
        call_command("migrate", verbosity=0)
        pairs = expected_files(folder)
        uploads = [Upload(file_name=doc.name, data=doc.read_bytes()) for doc, _ in pairs]
        started = time.perf_counter()
        for upload in uploads:
            with contextlib.suppress(ParseError):
                parse_document(decode_document(upload.data, upload.file_name), upload.file_name)
        parsing = time.perf_counter() - started
        started = time.perf_counter()
        report = import_documents(uploads=uploads)
        importing = time.perf_counter() - started
        failures = {
            doc.file_name: "; ".join(str(e.text) for e in doc.errors)
            for doc in report.documents
            if doc.failed
        }
        results = [
            evaluate(doc, expected, failure=failures.get(doc.name, "")) for doc, expected in pairs
        ]
        width = max((len(r.file) for r in results), default=10)
        print(f"{'document':<{width}}  {FOUND:>6} {MISSING:>8} {CONTRADICTED:>12}  warnings")
        warnings = {doc.file_name: len(doc.warnings) for doc in report.documents}
        for result in results:
            print(
                f"{result.file:<{width}}  {result.count(FOUND):>6} {result.count(MISSING):>8} "
                f"{result.count(CONTRADICTED):>12}  {warnings.get(result.file, 0):>8}"
                + (f"  refused: {result.error}" if result.error else "")
            )
            if args.verbose:
                for fact in result.problems:
                    print(f"    {fact.outcome:<12} {fact.name}  {fact.detail}")
        counted = totals(results)
        print(
            f"{'total':<{width}}  {counted[FOUND]:>6} {counted[MISSING]:>8} "
            f"{counted[CONTRADICTED]:>12}"
        )
        all_facts = sum(counted.values()) or 1
        print(
            f"{len(results)} documents, {len(failures)} refused; facts found "
            f"{100 * counted[FOUND] / all_facts:.1f} %, missing {counted[MISSING]}, "
            f"contradicted {counted[CONTRADICTED]}"
        )
        print(
            f"parse {1000 * parsing / max(len(uploads), 1):.1f} ms/document; "
            f"import {1000 * importing / max(len(uploads), 1):.1f} ms/document"
        )
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
