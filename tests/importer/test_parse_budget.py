"""A document that takes longer than its parse budget is stopped and refused, not waited for."""

from pathlib import Path

import pytest
from django.test import override_settings

from imports.importer import Upload, import_documents
from imports.importer.budget import BudgetedParser
from imports.parsing.documents import ParseError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_BIOGRAPHY = "000_2593bb3e1f49e045.txt"


def seed_upload() -> Upload:
    return Upload(file_name=SEED_BIOGRAPHY, data=(SEEDS / SEED_BIOGRAPHY).read_bytes())


def test_a_document_over_its_parse_budget_fails_with_a_clear_message(db):
    with override_settings(KADER_PARSE_BUDGET_SECONDS=0.000001):
        report = import_documents(uploads=[seed_upload()])
    (document,) = report.documents
    assert document.failed
    assert "took longer than" in document.errors[0].text
    assert "was stopped" in document.errors[0].text


def test_documents_parsed_ahead_of_their_turn_keep_their_budget(db):
    # While one document is written the next is parsed: its budget counts from the start
    # of its parse, not from when its turn came.
    uploads = [Upload(file_name=p.name, data=p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    with override_settings(KADER_PARSE_BUDGET_SECONDS=0.000001):
        report = import_documents(uploads=uploads)
    assert len(report.documents) == len(uploads) > 1
    assert all("took longer than" in d.errors[0].text for d in report.documents)


def test_the_next_import_works_after_a_stopped_parse(db):
    with override_settings(KADER_PARSE_BUDGET_SECONDS=0.000001):
        import_documents(uploads=[seed_upload()])
    report = import_documents(uploads=[seed_upload()])
    assert not report.failed


def test_a_stopped_parse_kills_its_process():
    parser = BudgetedParser(budget=0.000001)
    with pytest.raises(ParseError, match="took longer than"):
        parser.read(b"= Title =\n", "slow.txt")
    assert parser._pool is None  # the child was killed; the next read starts a new one
    parser.budget = 30
    try:
        text, _parsed = parser.read((SEEDS / SEED_BIOGRAPHY).read_bytes(), SEED_BIOGRAPHY)
        assert text.startswith("=")
    finally:
        parser.stop()
