"""Parse time per document: the plain-Python parsers alone, no database.

    .venv/bin/python bench/parse_bench.py [FOLDER ...] [--repeat N] [--package imports.parsing]

Parses every .txt of the folders (default: seeds/ and tests/corpus/) N times and prints
the median milliseconds per document, per kind, against a floor measured in the same run:
splitting the same texts into lines (the least any parser must do), so figures from
different machines compare as ratios. --package lets an older layout be measured
(`sources.parsing` before the layout change) from a checkout of that commit.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--package", default="imports.parsing")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to import from")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    parsing = importlib.import_module(args.package)
    folders = args.folders or [ROOT / "seeds", ROOT / "tests" / "corpus"]
    texts = [
        (path.name, path.read_text(encoding="utf-8"))
        for folder in folders
        for path in sorted(folder.glob("*.txt"))
    ]
    per_kind: dict[str, list[float]] = defaultdict(list)
    failed = 0
    for name, text in texts:
        timings = []
        kind = "refused"
        for _ in range(args.repeat):
            started = time.perf_counter()
            try:
                kind = parsing.parse_document(text, name).kind
            except parsing.ParseError:
                kind = "refused"
            timings.append(time.perf_counter() - started)
        failed += kind == "refused"
        per_kind[kind].append(statistics.median(timings))
    floor = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for _name, text in texts:
            [line.strip() for line in text.splitlines()]
        floor.append((time.perf_counter() - started) / len(texts))
    floor_ms = 1000 * statistics.median(floor)
    every = [t for times in per_kind.values() for t in times]
    print(f"{len(texts)} documents ({failed} refused), {args.package} from {args.root}")
    print(f"{'kind':<18} {'docs':>5} {'ms/doc':>8} {'x floor':>9}")
    for kind, times in sorted(per_kind.items()):
        ms = 1000 * statistics.mean(times)
        print(f"{kind:<18} {len(times):>5} {ms:>8.2f} {ms / floor_ms:>9.0f}")
    ms = 1000 * statistics.mean(every)
    print(f"{'all':<18} {len(every):>5} {ms:>8.2f} {ms / floor_ms:>9.0f}")
    print(f"floor (split into lines): {floor_ms:.4f} ms/doc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
