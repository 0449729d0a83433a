"""Documents about other players, clubs, leagues and outlets import as they state."""

import datetime as dt

import pytest
from django.utils import timezone

from clubs.models import Club
from interviews.models import Interview
from players.models import Cap, InternationalMatch, Player, SeasonStatistics, Spell
from players.stats import career_table

from .documents import OUR_DOCS, PARSER_DOCS, run, upload


@pytest.fixture
def imported(db):
    docs = [upload(p) for p in sorted(PARSER_DOCS.glob("*.txt"))]
    docs += [upload(p) for p in sorted(OUR_DOCS.glob("*.txt"))]
    result = run(*docs)
    assert not result.failed, [d.errors for d in result.failed]
    return {d.file_name: d for d in result.documents}


def test_a_czech_defender_in_a_calendar_year_league(imported):
    player = Player.objects.get(full_name="Tomáš Dvořáček")
    assert (player.date_of_birth, player.date_of_birth_precision) == (dt.date(2001, 3, 3), "day")
    assert player.height_cm == 189
    assert (player.position, player.position_detail) == ("defender", "centre-back")
    assert player.current_club.name == "Kashima Antlers"
    assert (player.contract_until.year, player.contract_until.month) == (2027, 12)
    assert player.extra_facts == {"Agent": "Kovář Sports Management"}
    seasons = list(
        SeasonStatistics.objects.filter(player=player, club__name="Kashima Antlers").values_list(
            "season__start_year", "season__end_year", "division__name"
        )
    )
    assert seasons == [(2025, 2025, "J1 League")]
    loan = Spell.objects.get(player=player, kind="loan")
    assert (loan.club.name, loan.owner_club.name) == ("FK Teplice", "Slavia Prague")
    assert (loan.start, loan.end.year) == (dt.date(2021, 8, 1), 2022)
    senior = Cap.objects.get(player=player, national_team__level="senior")
    assert (senior.caps, senior.goals) == (9, 2)
    matches = InternationalMatch.objects.filter(player=player)
    assert {(m.opponent, m.goals_for, m.goals_against) for m in matches} == {
        ("Spain U21", 1, 3),
        ("Georgia", 2, 1),
    }
    warnings = [w.text for w in imported["bio_dvoracek.txt"].warnings]
    assert any("claims 130" in w for w in warnings)  # the source's total is wrong
    assert any("Agent" in w for w in warnings)
    # …and the season rows are imported anyway, the computed total is the true sum.
    table = career_table(player.season_statistics.select_related("season", "club"))
    assert table.total["league_apps"] == 129


def test_a_polish_striker_with_two_loans_and_diacritics(imported):
    player = Player.objects.get(full_name__startswith="Łukasz")
    assert "Łukasz Wiśnia" in player.alternative_names.values_list("name", flat=True)
    loans = {s.club.name: s for s in Spell.objects.filter(player=player, kind="loan")}
    assert set(loans) == {"Górnik Zabrze", "Kawasaki Frontale"}
    assert {s.owner_club.name for s in loans.values()} == {"Lech Poznań"}
    assert loans["Kawasaki Frontale"].end.year == 2025  # calendar-year season
    assert Club.objects.get(name="Lech Poznań II").parent.name == "Lech Poznań"
    goals = SeasonStatistics.objects.filter(player=player).values_list("league_goals", flat=True)
    assert sum(g or 0 for g in goals) > 0


def test_a_norwegian_midfielder_with_sections_in_another_order(imported):
    player = Player.objects.get(full_name="Søren Ødegård")
    assert [s.heading for s in player.sections.all()] == [
        "International career", "Career statistics", "Club career",
    ]  # fmt: skip
    assert player.current_club.name == "Bodø/Glimt"
    assert player.extra_facts == {"Preferred foot": "Left"}
    loan = Spell.objects.get(player=player, kind="loan")
    assert (loan.club.name, loan.owner_club.name) == ("Sogndal", "Tromsø")
    assert (loan.start, loan.end.year) == (dt.date(2020, 3, 1), 2020)
    cap = Cap.objects.get(player=player, national_team__level="senior")
    assert (cap.caps, cap.goals) == (7, 1)
    assert Cap.objects.get(player=player, national_team__level="U21").first_year == 2018
    table = career_table(player.season_statistics.select_related("season", "club"))
    assert table.total["total_apps"] == 160
    assert table.total["total_goals"] == 27


def test_the_interviews_link_their_players(imported):
    kicker = Interview.objects.get(outlet__name="kicker")
    assert kicker.author == "Anna Schäfer"
    assert [p.full_name for p in kicker.players.all()] == ["Tomáš Dvořáček"]
    web = Interview.objects.get(outlet__name="J.League Insider")
    assert web.published_precision == "date"
    assert timezone.localtime(web.published_at).date() == dt.date(2025, 3, 8)
    assert [p.full_name for p in web.players.all()] == ["Łukasz Wiśniewski"]
    assert web.mentions.filter(club__name="Kawasaki Frontale").exists()
