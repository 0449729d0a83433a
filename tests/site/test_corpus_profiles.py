"""A real biography, imported, reads on the player page as in the source: the same
club/season rows, the career total the rows add up to, and the source's wrong totals
reported to the editor."""

import re
from pathlib import Path

import pytest

from imports.evaluation import EXPECTED_COLUMNS, expected_files, find_player
from imports.importer import Upload, import_documents

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BIOGRAPHIES = [
    (document, expected["biographies"][0])
    for document, expected in expected_files(CORPUS)
    if expected.get("biographies")
]
SEASON_ROW = re.compile(r'<th scope="row" class="season">')
CAREER_TOTAL_APPS = re.compile(r'data-testid="career-total-apps">(\d+)')


def source_sum(rows: list[dict]) -> int:
    """Appearances in every competition of every row, as the rows of the source state them."""
    return sum((row[key] or [0, 0])[0] for row in rows for key in EXPECTED_COLUMNS if key in row)


def test_there_are_ten_biographies():
    assert len(BIOGRAPHIES) == 10


@pytest.mark.parametrize(
    ("document", "expected"), BIOGRAPHIES, ids=[doc.name for doc, _ in BIOGRAPHIES]
)
def test_the_player_page_shows_the_source_table(db, client, document, expected):
    report = import_documents(uploads=[Upload(document.name, document.read_bytes())])
    (result,) = report.documents
    assert not result.failed
    player = find_player(expected["player"])
    page = client.get(player.get_absolute_url()).content.decode()
    assert len(SEASON_ROW.findall(page)) == len(expected["stats"])
    assert CAREER_TOTAL_APPS.search(page).group(1) == str(source_sum(expected["stats"]))
    claimed = (expected.get("career_total") or {}).get("total")
    computed = expected.get("career_total_computed") or {}
    wrong_total = claimed is not None and "total" in computed and computed["total"] != claimed
    total_warnings = [w for w in result.warnings if "total" in w.text.lower()]
    if wrong_total:
        assert total_warnings, "the wrong career total of the source is not reported"
