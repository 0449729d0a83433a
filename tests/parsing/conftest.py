"""Fixtures for the parser tests: the seed documents and our own documents, as text."""

from pathlib import Path

import pytest

from imports.parsing import parse_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DOCS = Path(__file__).resolve().parent / "docs"

SEED_BIOGRAPHY = "000_2593bb3e1f49e045.txt"
SEED_WEB = "001_58c1bbaa3b92f6dc.txt"
SEED_OUTLET = "002_a7e6b26a14ad5d49.txt"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_text():
    return lambda name: read(SEEDS / name)


@pytest.fixture(scope="session")
def doc_text():
    return lambda name: read(DOCS / name)


@pytest.fixture(scope="session")
def seed_biography():
    return parse_document(read(SEEDS / SEED_BIOGRAPHY), f"seeds/{SEED_BIOGRAPHY}")


@pytest.fixture(scope="session")
def seed_web():
    return parse_document(read(SEEDS / SEED_WEB), f"seeds/{SEED_WEB}")


@pytest.fixture(scope="session")
def seed_outlet():
    return parse_document(read(SEEDS / SEED_OUTLET), f"seeds/{SEED_OUTLET}")


@pytest.fixture(scope="session")
def parse_doc():
    return lambda name: parse_document(read(DOCS / name), f"docs/{name}")
