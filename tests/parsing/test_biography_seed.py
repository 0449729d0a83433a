"""The seed biography gives exactly the facts it states."""

from imports.parsing.documents import CompetitionStats, PartialDate, Season
from imports.parsing.statistics import check_totals, compute_totals


def stats(row, category):
    value = row.stats[category]
    return (value.apps, value.goals)


def test_title_infobox_and_lead(seed_biography):
    doc = seed_biography
    assert doc.kind == "biography"
    assert doc.full_name == "Mio Backhaus"
    assert doc.infobox.birth_place == "Mönchengladbach"
    assert doc.infobox.birth_country == "DE"
    assert doc.infobox.position.category == "goalkeeper"
    assert doc.infobox.current_club == "Werder Bremen"
    assert doc.infobox.birth_date is None  # not stated: nothing invented
    assert doc.infobox.lines["current_club"] == 6
    assert doc.unknown_infobox == {}
    assert doc.lead.subject is None
    assert doc.lead.alternative_names == ("Mio Nagata",)
    assert doc.lead.nationality == "DE"
    assert doc.lead.position.category == "goalkeeper"
    assert doc.lead.current_club == "Werder Bremen"
    assert doc.lead.line == 8


def test_sections_in_order_with_their_text(seed_biography):
    sections = seed_biography.sections
    assert [s.heading for s in sections] == [
        "Club career",
        "International career",
        "Personal life",
        "Career statistics",
    ]
    assert [s.line for s in sections] == [10, 15, 18, 21]
    assert sections[2].text == (
        "Backhaus was born in Germany to a German father and Japanese mother."
    )
    assert sections[0].text.startswith("From Baesweiler, in Aachen,")


def test_season_rows_rebuild_spans(seed_biography):
    table = seed_biography.statistics
    assert [g.name for g in table.groups] == ["League", "Cup", "Europe", "Other", "Total"]
    assert [g.category for g in table.groups] == ["league", "cup", "continental", "other", "total"]
    rows = [(r.line, r.club, r.is_loan, r.season.label, r.division) for r in table.rows]
    assert rows == [
        (27, "Werder Bremen", False, "2021–22", "2. Bundesliga"),
        (28, "Werder Bremen", False, "2022–23", "Bundesliga"),
        (29, "Werder Bremen", False, "2024–25", "Bundesliga"),
        (30, "Werder Bremen", False, "2025–26", "Bundesliga"),
        (32, "Werder Bremen II", False, "2021–22", "Regionalliga Nord"),
        (33, "Werder Bremen II", False, "2022–23", "Regionalliga Nord"),
        (35, "FC Volendam", True, "2023–24", "Eredivisie"),
    ]


def test_dash_is_none_and_zero_is_zero(seed_biography):
    rows = seed_biography.statistics.rows
    first, reserves, volendam = rows[0], rows[4], rows[6]
    assert stats(first, "league") == (0, 0)
    assert stats(first, "cup") == (0, 0)
    assert stats(first, "continental") == (None, None)
    assert stats(first, "other") == (None, None)
    assert stats(rows[3], "league") == (22, 0)
    assert stats(reserves, "league") == (5, 0)
    assert stats(reserves, "cup") == (None, None)
    assert stats(reserves, "total") == (5, 0)
    assert stats(volendam, "league") == (33, 0)
    assert stats(volendam, "cup") == (1, 0)
    assert stats(volendam, "total") == (34, 0)


def test_claimed_totals_are_kept_and_check_out(seed_biography):
    table = seed_biography.statistics
    assert [(t.line, t.club) for t in table.club_totals] == [
        (31, "Werder Bremen"),
        (34, "Werder Bremen II"),
    ]
    assert table.career_total.stats["league"] == CompetitionStats(70, 0)
    # the source claims 0 for a column of dashes; the computed total keeps None
    assert table.career_total.stats["continental"] == CompetitionStats(0, 0)
    computed = compute_totals(table.rows)
    assert computed["continental"] == CompetitionStats(None, None)
    assert computed["total"] == CompetitionStats(71, 0)
    assert check_totals(table) == []
    assert seed_biography.warnings == ()


def test_youth_spells_loan_and_contract(seed_biography):
    doc = seed_biography
    assert [(y.club, y.joined, y.previous_club, y.line) for y in doc.youth_spells] == [
        ("Alemannia Aachen", None, None, 11),
        ("Werder Bremen", PartialDate(2018), "Alemannia Aachen", 11),
    ]
    (loan,) = doc.loans
    assert loan.club == "FC Volendam"
    assert loan.owner == "Werder Bremen"
    assert loan.start == PartialDate(2023, 7)
    assert loan.start.precision == "month"
    assert loan.season == Season(2023, 2024)
    assert loan.line == 13
    (contract,) = doc.contracts
    assert (contract.club, contract.until, contract.line) == (
        "Werder Bremen",
        PartialDate(2026),
        11,
    )
    assert doc.transfers == ()


def test_national_teams_and_shared_caps(seed_biography):
    doc = seed_biography
    teams = {(m.team.name, m.first_year) for m in doc.national_teams}
    assert ("Japan U15", 2018) in teams
    assert ("Germany U19", None) in teams
    assert ("Germany U20", None) in teams
    assert ("Germany youth", 2019) in teams
    assert all(m.team.level != "senior" for m in doc.national_teams)
    (caps,) = doc.caps
    assert caps.caps == 12
    assert caps.goals is None
    assert caps.since == 2019
    assert [t.name for t in caps.teams] == [
        "Germany U15",
        "Germany U16",
        "Germany U18",
        "Germany U19",
    ]
    assert caps.line == 16


def test_notable_match_from_the_players_side(seed_biography):
    (match,) = seed_biography.matches
    assert match.date == PartialDate(2025, 3)
    assert match.team.name == "Germany U20"
    assert match.team.country == "DE"
    assert match.opponent == "Czechia U20"
    assert (match.goals_for, match.goals_against, match.result) == (1, 0, "win")
    assert "clean sheet" in match.notes
    assert match.line == 16


def test_club_names_in_prose_are_matched(seed_biography):
    aliases = {(a.alias, a.club) for a in seed_biography.club_aliases}
    assert ("Bremen", "Werder Bremen") in aliases
    assert ("Volendam", "FC Volendam") in aliases
    assert ("Bremen second team", "Werder Bremen II") in aliases
