"""The statistics table on its own: fitting rows, numbers, categories, errors."""

import pytest

from imports.parsing.documents import CompetitionStats, ParseError
from imports.parsing.statistics import categorize, parse_number, parse_table

HEADER = [
    (1, "| Club | Season | League | DFB-Pokal | Europe | Total | | | |"),
    (2, "| Division | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals |"),
]


def table(*rows):
    warnings = []
    numbered = HEADER + [(3 + i, row) for i, row in enumerate(rows)]
    return parse_table(numbered, "docs/t.txt", warnings), warnings


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("League", "league"),
        ("DFB-Pokal", "cup"),
        ("FA Cup", "cup"),
        ("Emperor's Cup", "cup"),
        ("League cup", "league_cup"),
        ("National cup", "cup"),
        ("Europe", "continental"),
        ("AFC", "continental"),
        ("CONCACAF", "continental"),
        ("Asia", "continental"),
        ("Champions League", "continental"),
        ("Other", "other"),
        ("DFL-Supercup", "other"),
        ("Super Cup", "other"),
        ("Total", "total"),
    ],
)
def test_competition_names_map_to_categories(name, category):
    assert categorize(name) == category


def test_numbers_with_separators_and_footnotes():
    assert parse_number("1,234") == 1234
    assert parse_number("12[a]") == 12
    assert parse_number("—") is None
    assert parse_number("–") is None
    with pytest.raises(ValueError, match="x"):
        parse_number("x")


def test_a_dash_fills_one_column_when_two_would_not_fit():
    parsed, _ = table("| Club A | 2020–21 | Liga | 3 | — | — | 1 | 0 | 4 | 0 |")
    (row,) = parsed.rows
    assert row.stats["league"] == CompetitionStats(3, None)  # this dash is goals only
    assert row.stats["cup"] == CompetitionStats(None, None)  # this one spans both
    assert row.stats["continental"] == CompetitionStats(1, 0)
    assert row.stats["total"] == CompetitionStats(4, 0)


def test_a_row_that_cannot_fit_names_its_line():
    with pytest.raises(ParseError) as error:
        table("| Club A | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 | 9 | 9 | 9 |")
    assert error.value.line == 3
    assert str(error.value).startswith("docs/t.txt, line 3: table row has")


def test_text_in_a_number_cell_is_an_error_with_line():
    with pytest.raises(ParseError, match="line 4: table cell 'x'"):
        table(
            "| Club A | 2020–21 | Liga | 3 | 0 | 1 | 0 | — | 4 | 0 |",
            "| 2021–22 | Liga | 1 | x | 1 | 0 | — | 4 | 0 |",
        )


def test_a_row_without_season_is_an_error():
    with pytest.raises(ParseError, match="line 3: table row has no season"):
        table("| Club A | Liga | 3 | 0 | 1 | 0 | — | 4 | 0 |")


def test_club_total_row_repeating_the_club_and_season_slash_form():
    parsed, warnings = table(
        "| Club A | 2020/21 | Liga | 3 | 0 | 1 | 0 | — | 4 | 0 |",
        "| Club A | Total | 3 | 0 | 1 | 0 | — | 4 | 0 |",
    )
    assert parsed.rows[0].season.label == "2020–21"
    assert parsed.club_totals[0].club == "Club A"
    assert warnings == []
