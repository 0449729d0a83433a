"""Fixtures for the parser tests: the seed documents and our own documents, as text."""

from pathlib import Path

import pytest

from imports.parsing import parse_document
from tests.parsing.documents import DOCS, SEED_BIOGRAPHY, SEED_OUTLET, SEED_WEB, SEEDS


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
