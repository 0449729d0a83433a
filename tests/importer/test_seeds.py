"""The three seed documents give exactly the facts they state, record by record."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from clubs.models import Club, ClubName, Competition, NationalTeam, Season
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    SeasonStatistics,
    Spell,
)
from players.stats import career_table
from sources.models import Provenance, SourceDocument

from .documents import SEED_BIOGRAPHY, SEED_OUTLET, SEED_WEB

pytestmark = pytest.mark.usefixtures("imported_seeds")


@pytest.fixture
def mio() -> Player:
    return Player.objects.get(full_name="Mio Backhaus")


def test_the_biography_makes_one_player_with_the_infobox_facts(mio):
    assert Player.objects.count() == 1
    assert mio.place_of_birth == "Mönchengladbach"
    assert mio.country_of_birth.code == "DE"
    assert [c.code for c in mio.nationalities.all()] == ["DE"]
    assert mio.position == "goalkeeper"
    assert mio.current_club.name == "Werder Bremen"
    assert mio.date_of_birth is None  # the document does not state it
    assert mio.height_cm is None
    assert mio.contract_until.year == 2026
    assert mio.contract_until_precision == "year"
    assert mio.extra_facts == {}


def test_the_alternative_name_is_kept(mio):
    assert list(mio.alternative_names.values_list("name", flat=True)) == ["Mio Nagata"]
    assert "mio nagata" in mio.search_text


def test_season_rows_with_clubs_divisions_and_values(mio):
    rows = {
        (r.club.name, r.season.label, r.division.name): r
        for r in SeasonStatistics.objects.filter(player=mio).select_related(
            "club", "season", "division"
        )
    }
    assert sorted(rows) == sorted(
        [
            ("Werder Bremen", "2021–22", "2. Bundesliga"),
            ("Werder Bremen", "2022–23", "Bundesliga"),
            ("Werder Bremen", "2024–25", "Bundesliga"),
            ("Werder Bremen", "2025–26", "Bundesliga"),
            ("Werder Bremen II", "2021–22", "Regionalliga Nord"),
            ("Werder Bremen II", "2022–23", "Regionalliga Nord"),
            ("FC Volendam", "2023–24", "Eredivisie"),
        ]
    )
    latest = rows[("Werder Bremen", "2025–26", "Bundesliga")]
    assert (latest.league_apps, latest.league_goals, latest.cup_apps, latest.cup_goals) == (
        22, 0, 0, 0,
    )  # fmt: skip
    assert latest.continental_apps is None
    assert latest.other_apps is None
    reserves = rows[("Werder Bremen II", "2022–23", "Regionalliga Nord")]
    assert (reserves.league_apps, reserves.cup_apps, reserves.continental_apps) == (10, None, None)
    loan = rows[("FC Volendam", "2023–24", "Eredivisie")]
    assert loan.on_loan
    assert (loan.league_apps, loan.cup_apps, loan.cup_goals) == (33, 1, 0)
    assert not any(r.on_loan for key, r in rows.items() if key[0] != "FC Volendam")


def test_computed_totals_equal_the_sources_totals(mio):
    table = career_table(mio.season_statistics.select_related("season", "club"))
    totals = {block.club.name: block.total for block in table.blocks}
    assert totals["Werder Bremen"]["league_apps"] == 22
    assert totals["Werder Bremen"]["total_apps"] == 22
    assert totals["Werder Bremen"]["continental_apps"] is None
    assert totals["Werder Bremen II"]["league_apps"] == 15
    assert totals["Werder Bremen II"]["cup_apps"] is None
    assert table.total["league_apps"] == 70
    assert table.total["cup_apps"] == 1
    assert table.total["total_apps"] == 71
    assert table.total["total_goals"] == 0


def test_the_volendam_loan_is_owned_by_werder_bremen(mio):
    loan = Spell.objects.get(player=mio, kind="loan")
    assert loan.club.name == "FC Volendam"
    assert loan.owner_club.name == "Werder Bremen"
    assert (loan.start, loan.start_precision) == (dt.date(2023, 7, 1), "month")
    assert (loan.end.year, loan.end_precision) == (2024, "year")  # season-long


def test_youth_and_senior_spells(mio):
    youth = {s.club.name: s for s in Spell.objects.filter(player=mio, kind="youth")}
    assert set(youth) == {"Alemannia Aachen", "Werder Bremen"}
    assert (youth["Werder Bremen"].start.year, youth["Werder Bremen"].start_precision) == (
        2018, "year",
    )  # fmt: skip
    assert youth["Alemannia Aachen"].start is None  # no year given: none invented
    senior = {s.club.name: s for s in Spell.objects.filter(player=mio, kind="senior")}
    assert set(senior) == {"Werder Bremen", "Werder Bremen II"}
    # the current club's spell is still running: no end is invented
    assert (senior["Werder Bremen"].start.year, senior["Werder Bremen"].end) == (2021, None)
    assert (senior["Werder Bremen II"].start.year, senior["Werder Bremen II"].end.year) == (
        2021, 2023,
    )  # fmt: skip


def test_clubs_with_their_alternative_names_and_parent():
    reserves = Club.objects.get(name="Werder Bremen II")
    assert reserves.parent.name == "Werder Bremen"
    assert set(ClubName.objects.values_list("club__name", "name")) == {
        ("Werder Bremen", "Bremen"),
        ("Werder Bremen II", "Bremen second team"),
        ("FC Volendam", "Volendam"),
    }
    assert set(Club.objects.values_list("name", flat=True)) == {
        "Werder Bremen", "Werder Bremen II", "FC Volendam", "Alemannia Aachen",
    }  # fmt: skip
    assert set(Competition.objects.values_list("name", flat=True)) == {
        "2. Bundesliga", "Bundesliga", "Regionalliga Nord", "Eredivisie",
    }  # fmt: skip
    assert Season.objects.count() == 5


def test_caps_shared_total_goes_to_the_note(mio):
    caps = {str(c.national_team): c for c in Cap.objects.filter(player=mio)}
    for team in ("Germany U15", "Germany U16", "Germany U18", "Germany U19"):
        assert caps[team].caps is None
        assert "12 caps" in caps[team].note
    assert caps["Japan U15"].first_year == 2018
    assert caps["Germany U20"].caps is None
    assert "Germany U21" not in caps  # only the interview says so
    # "represented Germany and Japan at underage level" adds no vague youth team
    assert sorted(caps) == [
        "Germany U15", "Germany U16", "Germany U18", "Germany U19", "Germany U20", "Japan U15",
    ]  # fmt: skip


def test_the_u20_match(mio):
    match = InternationalMatch.objects.get(player=mio)
    assert match.national_team.level == NationalTeam.Level.U20
    assert match.opponent == "Czechia U20"
    assert (match.goals_for, match.goals_against) == (1, 0)
    assert (match.date, match.date_precision) == (dt.date(2025, 3, 1), "month")
    assert "clean sheet" in match.note


def test_sections_in_order_with_the_text_as_written(mio):
    sections = list(BiographySection.objects.filter(player=mio))
    assert [s.heading for s in sections] == [
        "Club career", "International career", "Personal life", "Career statistics",
    ]  # fmt: skip
    assert sections[2].text == (
        "Backhaus was born in Germany to a German father and Japanese mother."
    )
    assert "Hajime Moriyasu" in sections[1].text


def test_the_web_interview():
    interview = Interview.objects.get(outlet__name="Bundesliga")
    assert interview.title == "Hard work paying off for Werder Bremen goalkeeper Mio Backhaus"
    assert interview.published_at is None
    assert interview.author == ""
    assert interview.language == "en"
    assert interview.standfirst.startswith("Born in Mönchengladbach but raised in Kawasaki")
    assert [p.full_name for p in interview.players.all()] == ["Mio Backhaus"]
    turns = list(interview.turns.all())
    # 1 intro paragraph, then 16 questions each answered.
    assert [t.kind for t in turns] == ["paragraph"] + ["question", "answer"] * 16
    assert turns[0].text.startswith("In a conversation with the Bundesliga")
    assert turns[1].text == "Tell us about those early years between Germany and Japan..."
    assert {t.speaker for t in turns if t.kind == "answer"} == {"Mio Backhaus"}
    assert {t.speaker for t in turns if t.kind == "question"} == {"Bundesliga"}
    assert turns[-1].text.endswith("that is what makes it so special here.")
    credits = list(PhotoCredit.objects.filter(interview=interview))
    assert len(credits) == 8  # the first caption appears three times: merged
    assert credits[0].caption == (
        "Mio Backhaus has a lot to shout about after making the step up at Werder Bremen."
    )
    assert credits[0].credit == "DFL/Getty Images/Lukas Schulze"
    assert credits[-1].credit == "IMAGO/Marco Steinbrenner/DeFodi Images"
    assert not any("Advertisement" in t.text or "xwhatsapp" in t.text for t in turns)


def test_the_german_interview():
    interview = Interview.objects.get(outlet__name="SPORT1")
    assert interview.author == "Niclas Löwendorf"
    assert interview.published_at == dt.datetime(
        2025, 12, 14, 13, 31, tzinfo=ZoneInfo("Europe/Berlin")
    )
    assert interview.published_precision == "minute"
    assert interview.language == "de"
    assert interview.standfirst.startswith("Werder-Keeper Mio Backhaus spricht")
    turns = list(interview.turns.all())
    kinds = [t.kind for t in turns]
    assert kinds[:2] == ["paragraph", "paragraph"]
    assert kinds.count("subheading") == 4
    assert kinds.count("question") == 14  # SPORT1: lines
    assert kinds.count("answer") == 13  # Backhaus: lines, less the quoted sub-heading
    assert kinds[-1] == "question"  # the last question has no answer, and is kept
    assert turns[-1].text == "Aber ein Traum wäre es, für den DFB zu spielen?"
    assert {t.speaker for t in turns if t.kind == "question"} == {"SPORT1"}
    assert {t.speaker for t in turns if t.kind == "answer"} == {"Mio Backhaus"}
    assert next(t.text for t in turns if t.kind == "subheading") == (
        "Backhaus: „Mein Papa war schon immer Werder-Fan“"
    )
    assert not PhotoCredit.objects.filter(interview=interview).exists()
    assert [p.full_name for p in interview.players.all()] == ["Mio Backhaus"]


def test_mentions_only_name_known_clubs_and_players():
    german = Interview.objects.get(outlet__name="SPORT1")
    assert set(Mention.objects.filter(interview=german).values_list("club__name", flat=True)) == {
        "Werder Bremen", "Alemannia Aachen",
    }  # fmt: skip
    assert not Mention.objects.filter(player__isnull=False).exists()  # no other known player


def test_reports_and_provenance(imported_seeds, mio):
    by_name = {d.file_name: d for d in imported_seeds.documents}
    assert by_name[SEED_OUTLET].warnings[-1].text == "the last question has no answer"
    assert any("no publication date" in w.text for w in by_name[SEED_WEB].warnings)
    document = SourceDocument.objects.get(file_name=SEED_BIOGRAPHY)
    assert document.kind == "biography"
    assert document.language == "en"
    assert len(document.checksum) == 64
    assert document.text.startswith("= Mio Backhaus =")
    assert document.report["status"] == "new"
    source = Provenance.objects.get(
        document=document, object_id=mio.pk, content_type__model="player"
    )
    assert source.imported_values["place_of_birth"] == "Mönchengladbach"
    assert source.line == 1
    row = SeasonStatistics.objects.get(player=mio, on_loan=True)
    assert row.provenance.get().line == 35
    assert row.provenance.get().imported_values["continental_apps"] is None
    assert Outlet.objects.count() == 2
    assert Turn.objects.count() == 33 + 33
