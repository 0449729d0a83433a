"""Fixtures for the importer tests (documents and helpers: tests/importer/documents.py)."""

import pytest

from imports.importer import ImportReport

from .documents import run, seeds


@pytest.fixture
def imported_seeds(db) -> ImportReport:
    result = run(*seeds())
    assert not result.failed, [d.errors for d in result.failed]
    return result
