"""Our own biographies: other players, clubs, leagues, table layouts and section orders."""

from imports.parsing.documents import CompetitionStats, PartialDate, Season


def test_czech_biography_reads_infobox_and_lead(parse_doc):
    doc = parse_doc("bio_dvoracek.txt")
    assert doc.full_name == "Tomáš Dvořáček"
    box = doc.infobox
    assert box.birth_date == PartialDate(2001, 3, 3)
    assert box.birth_date.precision == "day"
    assert (box.birth_place, box.birth_country) == ("Plzeň", "CZ")
    assert box.height_cm == 189
    assert (box.position.category, box.position.detail) == ("defender", "centre-back")
    assert doc.unknown_infobox == {"Agent": "Kovář Sports Management"}
    assert any("Agent" in w.message for w in doc.warnings)
    assert doc.lead.subject == "Tomáš Dvořáček"
    assert doc.lead.nationality == "CZ"
    assert doc.lead.current_club == "Kashima Antlers"


def test_sections_keep_the_documents_order(parse_doc):
    doc = parse_doc("bio_dvoracek.txt")
    assert [s.heading for s in doc.sections] == [
        "International career",
        "Club career",
        "Career statistics",
        "Honours",
    ]


def test_more_competition_columns_keep_the_league_cup_apart(parse_doc):
    table = parse_doc("bio_dvoracek.txt").statistics
    assert [g.category for g in table.groups] == [
        "league", "cup", "league_cup", "continental", "other", "total",
    ]  # fmt: skip
    kashima = table.rows[-1]
    assert (kashima.club, kashima.season, kashima.division) == (
        "Kashima Antlers", Season(2025, 2025), "J1 League",
    )  # fmt: skip
    assert kashima.season.label == "2025"
    # The national cup and the league cup stay apart, as the source states them.
    assert kashima.stats["cup"] == CompetitionStats(2, 0)
    assert kashima.stats["league_cup"] == CompetitionStats(4, 1)
    assert kashima.groups[1] == CompetitionStats(2, 0)
    assert kashima.stats["other"] == CompetitionStats(None, None)
    teplice = table.rows[2]
    assert (teplice.club, teplice.is_loan) == ("FK Teplice", True)
    assert teplice.stats["league"] == CompetitionStats(28, 3)  # '3[a]' footnote dropped
    assert teplice.stats["cup"] == CompetitionStats(2, 1)  # league cup '—' stays out of it


def test_wrong_career_total_is_reported_not_trusted(parse_doc):
    doc = parse_doc("bio_dvoracek.txt")
    from imports.parsing import check_totals

    (mismatch,) = check_totals(doc.statistics)
    assert (mismatch.scope, mismatch.column, mismatch.claimed, mismatch.computed) == (
        "career", "league.apps", 130, 129,
    )  # fmt: skip
    assert mismatch.line == 38
    assert any(w.line == 38 for w in doc.warnings)


def test_club_totals_belong_to_their_own_spell(parse_doc):
    from imports.parsing import check_totals

    table = parse_doc("bio_dvoracek.txt").statistics
    assert [(t.club, t.stats["league"].apps) for t in table.club_totals] == [
        ("Slavia Prague", 15),
        ("Slavia Prague", 55),
    ]
    assert all(m.scope == "career" for m in check_totals(table))


def test_czech_prose_facts(parse_doc):
    doc = parse_doc("bio_dvoracek.txt")
    youth = doc.youth_spells[-1]
    assert (youth.club, youth.joined, youth.previous_club) == (
        "Slavia Prague", PartialDate(2013), "Viktoria Plzeň",
    )  # fmt: skip
    (loan,) = doc.loans
    assert (loan.club, loan.owner, loan.start, loan.season) == (
        "FK Teplice", "Slavia Prague", PartialDate(2021, 8), Season(2021, 2022),
    )  # fmt: skip
    kinds = [(t.kind, t.club, t.from_club, t.date) for t in doc.transfers]
    assert ("first_team", "Slavia Prague", None, PartialDate(2019)) in kinds
    assert ("transfer", "Kashima Antlers", "Slavia Prague", PartialDate(2025, 1)) in kinds
    (contract,) = doc.contracts
    assert (contract.club, contract.until) == ("Kashima Antlers", PartialDate(2027, 12))
    assert ("Slavia", "Slavia Prague") in {(a.alias, a.club) for a in doc.club_aliases}


def test_senior_caps_goals_and_matches(parse_doc):
    doc = parse_doc("bio_dvoracek.txt")
    senior = next(m for m in doc.national_teams if m.team.level == "senior")
    assert (senior.team.country, senior.first_year) == ("CZ", 2023)
    assert {m.team.name for m in doc.national_teams} >= {"Czech Republic U19", "Czech Republic U21"}
    (caps,) = doc.caps
    assert (caps.caps, caps.goals, [t.level for t in caps.teams]) == (9, 2, ["senior"])
    loss, win = doc.matches
    assert (loss.team.name, loss.opponent, loss.goals_for, loss.goals_against, loss.result) == (
        "Czech Republic U21", "Spain U21", 1, 3, "loss",
    )  # fmt: skip
    assert "captain" in loss.notes
    assert loss.date == PartialDate(2024, 10)
    assert (win.team.level, win.opponent, win.goals_for, win.goals_against) == (
        "senior",
        "Georgia",
        2,
        1,
    )
    assert "scored" in win.notes


def test_polish_biography_with_calendar_year_loan(parse_doc):
    doc = parse_doc("bio_wisniewski.txt")
    assert doc.full_name == "Łukasz Wiśniewski"
    assert doc.infobox.birth_date == PartialDate(1999, 5)
    assert doc.infobox.birth_date.precision == "month"
    assert doc.infobox.nationalities == ("PL",)
    assert doc.infobox.height_cm == 184
    assert (doc.infobox.position.category, doc.infobox.position.detail) == ("forward", "striker")
    assert doc.lead.alternative_names == ("Łukasz Wiśnia",)
    assert doc.sections[0].heading == "Career statistics"
    seasons = [r.season.label for r in doc.statistics.rows]
    assert seasons[:4] == ["2017–18", "2018–19", "2019–20", "2020–21"]  # '-', '/', '–2021' forms
    gornik, kawasaki = doc.loans
    assert (gornik.club, gornik.owner, gornik.season) == (
        "Górnik Zabrze",
        "Lech Poznań",
        Season(2021, 2022),
    )
    assert (kawasaki.club, kawasaki.owner, kawasaki.start) == (
        "Kawasaki Frontale", "Lech Poznań", PartialDate(2025, 2),
    )  # fmt: skip
    assert kawasaki.season == Season(2025, 2025)  # the J1 League plays in calendar years
    assert doc.contracts[0].until == PartialDate(2027, 6)
    assert doc.statistics.rows[2].division == "Ekstraklasa"
    assert doc.statistics.rows[3].division == "Ekstraklasa"  # spanned from the row above
    assert doc.warnings == ()  # every total checks out


def test_polish_national_team_facts(parse_doc):
    doc = parse_doc("bio_wisniewski.txt")
    (caps,) = doc.caps
    assert (caps.caps, caps.goals, [t.name for t in caps.teams]) == (14, 5, ["Poland"])
    u21, draw = doc.matches
    assert (u21.team.name, u21.opponent, u21.goals_for, u21.goals_against) == (
        "Poland U21",
        "Italy U21",
        1,
        2,
    )
    assert u21.date == PartialDate(2021)
    assert (draw.result, draw.goals_for, draw.goals_against, draw.opponent) == (
        "draw",
        2,
        2,
        "Finland",
    )
    assert ("Lech reserves", "Lech Poznań II") in {(a.alias, a.club) for a in doc.club_aliases}
