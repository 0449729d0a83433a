"""Career-statistics tables of real Wikipedia biographies, read by their headers.

The corpus biographies are checked row by row against the hand-checked expected files;
small synthetic tables check each shape the reader supports on its own.
"""

import json
from pathlib import Path

import pytest

from imports.parsing import parse_document
from imports.parsing.documents import CompetitionStats, ParseError
from imports.parsing.statistics import check_totals, compute_totals, parse_table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BIOGRAPHIES = [
    "sebastian-svard",
    "matt-mckay",
    "bill-hamid",
    "leon-legge",
    "sam-allardyce",
    "diego",
    "vitaliy-denisov",
    "alberto-aquilani",
    "tsuneyasu-miyamoto",
    "marco-motta",
]
# expected-file key -> category
CATEGORY_OF = {
    "league": "league",
    "cup": "cup",
    "league_cup": "league_cup",
    "europe": "continental",
    "other": "other",
    "total": "total",
}
NOT_PLAYED = CompetitionStats(None, None)


def corpus(name):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((CORPUS / f"{name}.txt.expected.json").read_text(encoding="utf-8"))
    return text, expected["biographies"][0]


@pytest.fixture(scope="module")
def parsed():
    cache = {}

    def get(name):
        if name not in cache:
            text, _ = corpus(name)
            cache[name] = parse_document(text, f"corpus/{name}.txt")
        return cache[name]

    return get


def line_of(name, row_start):
    """The 1-based line of the first table row starting with ``row_start``."""
    text, _ = corpus(name)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"| {row_start} |"):
            return number
    raise AssertionError(row_start)


@pytest.mark.parametrize("name", BIOGRAPHIES)
def test_every_table_row_of_a_corpus_biography_is_read_as_the_editor_recorded_it(name, parsed):
    doc = parsed(name)
    _, expected = corpus(name)
    rows = doc.statistics.rows
    assert len(rows) == len(expected["stats"])
    for row, want in zip(rows, expected["stats"], strict=True):
        where = f"line {row.line}"
        assert row.club == want["club"], where
        assert row.season.start_year == int(want["season"]), where
        assert row.is_loan == want.get("loan", False), where
        assert row.division == want["division"], where
        assert row.division_tier == want.get("division_tier"), where
        for key, category in CATEGORY_OF.items():
            got = row.stats.get(category)
            if key not in want:
                assert got is None, f"{where}: the table has no {category} column"
            elif want[key] is None:
                assert got in (None, NOT_PLAYED), f"{where}: {category} not played"
            else:
                assert got == CompetitionStats(*want[key]), f"{where}: {category}"


@pytest.mark.parametrize("name", BIOGRAPHIES)
def test_total_rows_never_become_seasons(name, parsed):
    text, _ = corpus(name)
    total_lines = {
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.startswith("|") and "total" in "|".join(line.split("|")[:3]).lower()
    }
    assert not total_lines & {row.line for row in parsed(name).statistics.rows}


def mismatches(table):
    return [(m.scope, m.line, m.column, m.claimed, m.computed) for m in check_totals(table)]


def totals_warnings(doc):
    return {(w.line, w.message) for w in doc.warnings if " total " in w.message}


@pytest.mark.parametrize(
    "name", ["sebastian-svard", "leon-legge", "tsuneyasu-miyamoto", "vitaliy-denisov"]
)
def test_correct_totals_give_no_warning(name, parsed):
    doc = parsed(name)
    assert check_totals(doc.statistics) == []
    assert totals_warnings(doc) == set()


def test_mckay_wrong_row_totals_are_reported_and_the_club_totals_are_not(parsed):
    doc = parsed("matt-mckay")
    found = {
        (m.scope, m.line, m.column, m.claimed, m.computed) for m in check_totals(doc.statistics)
    }
    assert found == {
        ("row", line_of("matt-mckay", "2007–08"), "total.goals", 0, 3),
        ("row", line_of("matt-mckay", "2016–17"), "total.apps", 11, 15),
    }
    warned = [m for line, m in totals_warnings(doc) if line == line_of("matt-mckay", "2007–08")]
    assert ["claims 0" in m and "add up to 3" in m for m in warned] == [True]


def test_mckay_club_total_covers_both_spells_at_the_club(parsed):
    table = parsed("matt-mckay").statistics
    spells = [t for t in table.club_totals if t.club == "Brisbane Roar"]
    assert [(t.scope, len(t.covers)) for t in spells] == [
        ("club", 6),
        ("club", 4),
        ("club_all", 10),
    ]
    assert spells[-1].stats["league"] == CompetitionStats(213, 23)
    assert table.career_total.stats["total"] == CompetitionStats(330, 27)


def test_hamid_wrong_2013_row_total(parsed):
    doc = parsed("bill-hamid")
    found = [
        (m.scope, m.line, m.column, m.claimed, m.computed) for m in check_totals(doc.statistics)
    ]
    assert found == [("row", line_of("bill-hamid", "2013"), "total.apps", 25, 26)]


def test_hamid_league_cup_and_domestic_cup_stay_apart(parsed):
    table = parsed("bill-hamid").statistics
    assert [g.category for g in table.groups] == [
        "league", "league_cup", "cup", "continental", "total",
    ]  # fmt: skip
    assert compute_totals(table.rows)["league_cup"] == CompetitionStats(9, 0)
    assert compute_totals(table.rows)["cup"] == CompetitionStats(7, 0)


def test_allardyce_wrong_career_fa_cup_goals(parsed):
    doc = parsed("sam-allardyce")
    career = line_of("sam-allardyce", "Career Total")
    found = [
        (m.scope, m.line, m.column, m.claimed, m.computed) for m in check_totals(doc.statistics)
    ]
    assert found == [
        ("career", career, "cup.goals", 5, 4),
        ("career", career, "total.goals", 42, 41),
    ]


def test_diego_wrong_totals_and_stale_career_total(parsed):
    doc = parsed("diego")
    found = {(m.scope, m.line, m.column) for m in check_totals(doc.statistics)}
    wolfsburg_total = line_of("diego", "Total | 47")
    assert ("club", wolfsburg_total, "cup.goals") in found
    assert ("row", line_of("diego", "2018"), "total.apps") in found
    career = line_of("diego", "Career total")
    assert ("career", career, "total.apps") in found
    assert {line for _, line, _ in found} == {wolfsburg_total, line_of("diego", "2018"), career}


def test_diego_short_rows_put_the_total_under_total(parsed):
    table = parsed("diego").statistics
    wolfsburg = next(r for r in table.rows if r.club == "VfL Wolfsburg")
    assert wolfsburg.stats["continental"] == NOT_PLAYED
    assert wolfsburg.stats["other"] == NOT_PLAYED
    assert wolfsburg.stats["total"] == CompetitionStats(32, 6)


def test_aquilani_country_totals_are_right_and_the_career_total_is_not(parsed):
    doc = parsed("alberto-aquilani")
    table = doc.statistics
    assert [t.country for t in table.country_totals] == ["Italy", "England", "Portugal", "Spain"]
    found = set(mismatches(table))
    career = line_of("alberto-aquilani", "Career total")
    assert {scope for scope, *_ in found} == {"career"}
    assert ("career", career, "league.apps", 358, 363) in found
    assert ("career", career, "total.apps", 459, 468) in found


def test_motta_wrong_career_total(parsed):
    doc = parsed("marco-motta")
    found = [
        (m.scope, m.line, m.column, m.claimed, m.computed) for m in check_totals(doc.statistics)
    ]
    assert found == [("career", line_of("marco-motta", "Career total"), "total.apps", 226, 227)]


def test_miyamoto_country_separators_rename_columns_and_set_the_country(parsed):
    table = parsed("tsuneyasu-miyamoto").statistics
    assert [(r.season.label, r.country) for r in table.rows[11:14]] == [
        ("2006", "Japan"), ("2006–07", "Austria"), ("2007–08", "Austria"),
    ]  # fmt: skip
    japan, austria = table.country_totals
    assert (japan.country, len(japan.covers)) == ("Japan", 15)
    assert (austria.country, len(austria.covers)) == ("Austria", 3)


def test_denisov_tier_column_and_no_cups(parsed):
    table = parsed("vitaliy-denisov").statistics
    cska = table.rows[0]
    assert (cska.division, cska.division_tier, cska.country) == (None, 1, "Russia")
    assert cska.stats == {"league": CompetitionStats(0, 0)}
    assert table.career_total is None


# --- synthetic tables ---------------------------------------------------------------------


def read(*lines):
    warnings = []
    numbered = [(number, line) for number, line in enumerate(lines, start=1)]
    return parse_table(numbered, "t.txt", warnings), warnings


CLUB_FIRST = (
    "| Club | Season | League | Cup | Total | | | |",
    "| Division | Apps | Goals | Apps | Goals | Apps | Goals |",
)


def test_a_season_first_table_with_spanned_club_and_league():
    table, warnings = read(
        "| Club performance | League | Cup | Total | | | |",
        "| Season | Club | League | Apps | Goals | Apps | Goals | Apps | Goals |",
        "| 2019–20 | Alpha FC | Premier | 10 | 1 | 2 | 0 | 12 | 1 |",
        "| 2020–21 | 11 | 2 | 1 | 0 | 12 | 2 | | |",
        "| 2021–22 | First | 9 | 0 | 0 | 0 | 9 | 0 | |",
        "| 2021–22 | Beta (loan) | Second | 4 | 0 | — | 4 | 0 | |",
    )
    assert warnings == []
    assert [(r.club, r.is_loan, r.season.label, r.division) for r in table.rows] == [
        ("Alpha FC", False, "2019–20", "Premier"),
        ("Alpha FC", False, "2020–21", "Premier"),
        ("Alpha FC", False, "2021–22", "First"),
        ("Beta", True, "2021–22", "Second"),
    ]
    assert table.rows[3].stats["cup"] == NOT_PLAYED


def test_a_division_column_in_the_first_header_row():
    table, _ = read(
        "| Club | Season | Division | League[A] | Cup2 | Total | | |",
        "| Apps | Goals | Apps | Goals | Apps | Goals | | |",
        "| Alpha FC | 2004 | State League | 12 | 1 | - | - | 12 | 1 |",
    )
    (row,) = table.rows
    assert [g.name for g in table.groups] == ["League", "Cup", "Total"]
    assert (row.division, row.stats["league"], row.stats["cup"]) == (
        "State League", CompetitionStats(12, 1), NOT_PLAYED,
    )  # fmt: skip


def test_a_table_without_division_column():
    table, _ = read(
        "| Club | Season | League | League Cup | Total | | | | |",
        "| Apps | Goals | Apps | Goals | Apps | Goals | | | |",
        "| Alpha FC | 2010 | 8 | 0 | 3 | 0 | 11 | 0 |",
    )
    (row,) = table.rows
    assert row.division is None
    assert set(row.stats) == {"league", "league_cup", "total"}


def test_a_team_and_country_column_and_a_tier_number():
    table, _ = read(
        "| Season | Team | Country | Division | Apps | Goals |",
        "| 2004 | Alpha | Russia | 1 | 0 | 0 |",
        "| 2006/07 | Beta | Ukraine | 2 | 12 | 1 |",
    )
    assert [(r.club, r.country, r.division, r.division_tier) for r in table.rows] == [
        ("Alpha", "Russia", None, 1),
        ("Beta", "Ukraine", None, 2),
    ]
    assert table.rows[1].stats == {"league": CompetitionStats(12, 1)}


def test_a_country_separator_renames_the_columns_below_it():
    table, _ = read(
        "| Club performance | League | Cup | Continental | Total | | | | |",
        "| Season | Club | League | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals |",
        "| Japan | League | Emperor's Cup | Asia | Total |",
        "| 2005 | Alpha | J1 | 30 | 3 | 2 | 0 | 1 | 0 | 33 | 3 |",
        "| Austria | League | League Cup | Europe | Total |",
        "| 2006/07 | Beta | Bundesliga | 9 | 0 | 1 | 0 | – | 10 | 0 |",
    )
    japan, austria = table.rows
    assert (japan.country, austria.country) == ("Japan", "Austria")
    assert japan.stats["cup"] == CompetitionStats(2, 0)
    assert austria.stats["league_cup"] == CompetitionStats(1, 0)
    assert "cup" not in austria.stats
    assert austria.stats["continental"] == NOT_PLAYED


@pytest.mark.parametrize(
    ("cell", "start", "label"),
    [
        ("1999-00", 1999, "1999–00"),
        ("2006/07", 2006, "2006–07"),
        ("2008-091", 2008, "2008–09"),
        ("2011–122", 2011, "2011–12"),
        ("2013", 2013, "2013"),
        ("2013[a]", 2013, "2013"),
    ],
)
def test_season_cells_with_footnotes_hyphens_and_slashes(cell, start, label):
    table, _ = read(*CLUB_FIRST, f"| Alpha FC | {cell} | Liga | 1 | 0 | 0 | 0 | 1 | 0 |")
    assert (table.rows[0].season.start_year, table.rows[0].season.label) == (start, label)


@pytest.mark.parametrize("dash", ["—", "–", "-"])
def test_any_dash_means_did_not_take_part(dash):
    table, _ = read(*CLUB_FIRST, f"| Alpha FC | 2020–21 | Liga | 3 | 0 | {dash} | 3 | 0 |")
    assert table.rows[0].stats["cup"] == CompetitionStats(None, None, unknown=False)


def test_one_dash_for_two_competitions_leaves_the_total_under_total():
    table, _ = read(
        "| Club | Season | League | Cup | Europe | Other | Total | | | | | |",
        "| Division | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals | Apps | Goals |",
        "| Alpha FC | 2010–11 | Liga | 30 | 6 | 2 | 0 | — | 32 | 6 | | |",
    )
    stats = table.rows[0].stats
    assert stats["continental"] == stats["other"] == NOT_PLAYED
    assert stats["total"] == CompetitionStats(32, 6)


def test_an_empty_cell_is_unknown_not_zero_and_not_did_not_play():
    table, _ = read(*CLUB_FIRST, "| Alpha FC | 2020–21 | Liga | 3 | | 1 | 0 | 4 | 0 |")
    league = table.rows[0].stats["league"]
    assert (league.apps, league.goals, league.unknown) == (3, None, True)
    totals = compute_totals(table.rows)
    assert totals["league"].unknown
    assert totals["league"].goals is None
    assert totals["cup"] == CompetitionStats(1, 0)


def test_a_missing_column_is_absent_from_the_stats():
    table, _ = read(*CLUB_FIRST, "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |")
    assert set(table.rows[0].stats) == {"league", "cup", "total"}
    assert "continental" not in compute_totals(table.rows)


def test_a_single_cup_column_fills_cup_only():
    table, _ = read(*CLUB_FIRST, "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |")
    assert [g.category for g in table.groups] == ["league", "cup", "total"]


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("FA Cup", "cup"),
        ("DFB-Pokal", "cup"),
        ("Copa del Rey", "cup"),
        ("Coppa Italia", "cup"),
        ("US Open Cup", "cup"),
        ("Emperor's Cup", "cup"),
        ("EFL Cup", "league_cup"),
        ("J.League Cup", "league_cup"),
        ("League Cup", "league_cup"),
        ("Europe1", "continental"),
        ("International3", "continental"),
        ("Champions League", "continental"),
        ("Other2", "other"),
        ("League[note 2]", "league"),
    ],
)
def test_competition_groups_by_name(name, category):
    table, _ = read(
        f"| Club | Season | League | {name} | Total | | | | |",
        "| Division | Apps | Goals | Apps | Goals | Apps | Goals |",
        "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |",
    )
    assert table.groups[1].category == category


def test_loan_then_permanent_at_one_club_in_one_season_stay_two_rows():
    table, _ = read(
        *CLUB_FIRST,
        "| Gamma (loan) | 2012–13 | League Two | 5 | 0 | 0 | 0 | 5 | 0 |",
        "| Gamma | 2012–13 | League Two | 17 | 2 | 0 | 0 | 17 | 2 |",
        "| 2013–14 | League One | 37 | 2 | 1 | 0 | 38 | 2 | |",
        "| Total | 54 | 4 | 1 | 0 | 55 | 4 | | |",
    )
    assert [(r.club, r.is_loan, r.season.label) for r in table.rows] == [
        ("Gamma", True, "2012–13"), ("Gamma", False, "2012–13"), ("Gamma", False, "2013–14"),
    ]  # fmt: skip
    (total,) = table.club_totals
    assert total.covers == (4, 5)  # the spell's own rows, not the loan
    assert check_totals(table) == []


def test_wrong_totals_are_warnings_that_name_their_line():
    table, _ = read(
        *CLUB_FIRST,
        "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 5 | 0 |",
        "| 2021–22 | 2 | 0 | 0 | 0 | 2 | 0 | | |",
        "| Total | 6 | 0 | 1 | 0 | 7 | 0 | | |",
        "| Club Total | 5 | 0 | 1 | 0 | 7 | 0 | | |",
        "| Career total | 5 | 0 | 1 | 0 | 8 | 0 | | |",
    )
    found = mismatches(table)
    assert found == [
        ("row", 3, "total.apps", 5, 4),
        ("club", 5, "league.apps", 6, 5),
        ("career", 7, "total.apps", 8, 7),
    ]


def test_a_document_reports_wrong_totals_as_warnings():
    text = "\n".join(
        [
            "= Alpha Player =",
            "",
            "- Position: Defender",
            "- Current club: Alpha FC",
            "",
            "Alpha Player (born 1990) is a footballer who plays as a defender for Alpha FC.",
            "",
            "==Career statistics==",
            *CLUB_FIRST,
            "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |",
            "| Career total | 3 | 0 | 1 | 0 | 5 | 0 | | |",
        ]
    )
    doc = parse_document(text, "alpha.txt")
    assert [w.line for w in doc.warnings if "claims 5" in w.message] == [12]


def test_a_note_row_is_a_warning_not_a_failure():
    table, warnings = read(
        *CLUB_FIRST,
        "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |",
        "| Source: club website |",
    )
    assert len(table.rows) == 1
    assert [w.line for w in warnings] == [4]


def test_an_unreadable_total_row_is_a_warning_not_a_failure():
    table, warnings = read(
        *CLUB_FIRST,
        "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |",
        "| Career total | 3 | 0 | 1 | 0 | 4 | 0 | 9 | 9 | 9 |",
    )
    assert table.career_total is None
    assert [w.line for w in warnings] == [4]


def test_a_table_without_season_column_cannot_be_read():
    with pytest.raises(ParseError) as error:
        read("| Club | League | Total |", "| Alpha | 3 | 0 | 3 | 0 |")
    assert (error.value.file_name, error.value.line) == ("t.txt", 1)


def test_every_value_keeps_its_source_line():
    table, _ = read(*CLUB_FIRST, "| Alpha FC | 2020–21 | Liga | 3 | 0 | 1 | 0 | 4 | 0 |")
    assert table.rows[0].line == 3
