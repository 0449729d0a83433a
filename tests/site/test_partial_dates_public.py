"""Partial dates stay partial on the public pages: a year is the year, a month the month,
in the club history and in the timeline, which draws, sorts and overlaps them as the
spells most likely ran, never from 1 January to 31 December."""

import datetime

import pytest
from django.utils import timezone, translation

from clubs.models import Club
from players.models import SeasonStatistics, Spell
from players.timeline import SEASON_BAR_GAP, build_timeline
from tests.factories import season
from tests.helpers import html

URL = "/players/mio-backhaus/"


@pytest.fixture
def loan_in_years(backhaus) -> Spell:
    """The Volendam loan as a source that gives only years writes it: 2023–2024."""
    loan = Spell.objects.get(player=backhaus, kind="loan")
    loan.start, loan.start_precision = datetime.date(2023, 1, 1), "year"
    loan.end, loan.end_precision = datetime.date(2024, 12, 31), "year"
    loan.save()
    return loan


def timeline_of(player):
    spells = list(player.spells.select_related("club", "owner_club"))
    rows = list(player.season_statistics.select_related("club", "season"))
    # In English whatever a request before left active, and without leaving it on after.
    with translation.override("en"):
        return build_timeline(spells, rows, timezone.localdate())


def lane(timeline, name: str):
    return next(lane for lane in timeline.lanes if lane.full_label == name)


def test_a_loan_given_as_years_reads_as_the_years(client, loan_in_years):
    content = html(client.get(URL))
    spell = content[content.index('class="spell spell-loan"') :][:600]
    assert "2023 – 2024" in spell
    for month in ("January", "July", "December", "Dec"):
        assert month not in spell


def test_a_loan_given_as_years_is_drawn_over_its_season_not_to_31_december(loan_in_years):
    timeline = timeline_of(loan_in_years.player)
    [bar] = lane(timeline, "FC Volendam (loan)").bars
    [season_bar] = [s for s in timeline.seasons if s.label == "2023–24"]
    season_start = season_bar.x - SEASON_BAR_GAP / 2
    season_end = season_bar.x + season_bar.width + SEASON_BAR_GAP / 2
    assert bar.x == pytest.approx(season_start, abs=0.2)
    assert bar.x + bar.width == pytest.approx(season_end, abs=0.2)
    assert bar.label.endswith("2023–2024")
    assert "2023–2024" in timeline.description


def test_a_spell_ending_in_a_year_does_not_overlap_a_loan_from_its_summer(backhaus):
    """Senior at Aachen until '2023' (kept as 31 December), then on loan from July 2023."""
    aachen = Club.objects.get(name="Alemannia Aachen")
    Spell.objects.create(
        player=backhaus,
        club=aachen,
        kind="senior",
        start=datetime.date(2019, 1, 1),
        start_precision="year",
        end=datetime.date(2023, 12, 31),
        end_precision="year",
    )
    timeline = timeline_of(backhaus)
    aachen_bars = lane(timeline, "Alemannia Aachen").bars
    senior = next(bar for bar in aachen_bars if "senior" in bar.label)
    [loan] = lane(timeline, "FC Volendam (loan)").bars
    assert senior.x + senior.width <= loan.x + 0.5  # mid-year, at most half a pixel off
    assert senior.label.endswith("2019–2023")


def test_a_year_only_start_sorts_after_a_dated_start_of_the_spring(backhaus):
    gladbach = Club.objects.get(name="Borussia Mönchengladbach")
    aachen = Club.objects.get(name="Alemannia Aachen")
    Spell.objects.all().delete()
    SeasonStatistics.objects.all().delete()
    Spell.objects.create(
        player=backhaus, club=aachen, kind="senior", start=datetime.date(2015, 1, 1),
        start_precision="year",
    )  # fmt: skip
    Spell.objects.create(
        player=backhaus, club=gladbach, kind="senior", start=datetime.date(2015, 3, 2),
    )  # fmt: skip
    names = [lane.full_label for lane in timeline_of(backhaus).lanes]
    assert names == ["Borussia Mönchengladbach", "Alemannia Aachen"]


def test_a_year_only_start_in_a_calendar_year_league_begins_with_its_season(backhaus):
    club = Club.objects.create(name="Kashima Antlers", country=backhaus.country_of_birth)
    Spell.objects.create(
        player=backhaus, club=club, kind="senior", start=datetime.date(2026, 1, 1),
        start_precision="year", end=datetime.date(2026, 12, 31), end_precision="year",
    )  # fmt: skip
    SeasonStatistics.objects.create(
        player=backhaus, club=club, season=season("2026"), league_apps=3
    )
    timeline = timeline_of(backhaus)
    [bar] = lane(timeline, "Kashima Antlers").bars
    [season_bar] = [s for s in timeline.seasons if s.label == "2026"]
    assert bar.x == pytest.approx(season_bar.x - SEASON_BAR_GAP / 2, abs=0.2)
    assert bar.label.endswith(" 2026")


def test_a_spell_of_one_year_only_is_drawn_as_that_year(backhaus):
    club = Club.objects.create(name="Rot-Weiss Essen", country=backhaus.country_of_birth)
    Spell.objects.create(
        player=backhaus, club=club, kind="senior", start=datetime.date(2020, 1, 1),
        start_precision="year", end=datetime.date(2020, 12, 31), end_precision="year",
    )  # fmt: skip
    timeline = timeline_of(backhaus)
    [bar] = lane(timeline, "Rot-Weiss Essen").bars
    year_ticks = {tick.label: tick.x for tick in timeline.ticks}
    year_width = (year_ticks["2021"] - year_ticks["2019"]) / 2
    assert bar.width == pytest.approx(year_width, abs=0.5)
    assert bar.label.endswith(" 2020")


def test_months_stay_months_on_the_profile(client, backhaus):
    content = html(client.get(URL))
    spell = content[content.index('class="spell spell-loan"') :][:600]
    assert "July 2023 – June 2024" in spell


def test_partial_dates_in_german(client, loan_in_years):
    loan_in_years.start, loan_in_years.start_precision = datetime.date(2023, 7, 1), "month"
    loan_in_years.save()
    content = html(client.get("/de" + URL))
    spell = content[content.index('class="spell spell-loan"') :][:600]
    assert "Juli 2023 – 2024" in spell
    assert "Dezember" not in spell


def test_the_years_a_spell_is_known_only_by_are_drawn_dashed_behind_it(client, loan_in_years):
    timeline = timeline_of(loan_in_years.player)
    [bar] = lane(timeline, "FC Volendam (loan)").bars
    ticks = {tick.label: tick.x for tick in timeline.ticks}
    [(start_a, start_b), (end_a, end_b)] = bar.years_only
    assert start_a == pytest.approx(ticks["2023"])
    assert end_b == pytest.approx(ticks["2025"])
    assert start_a < bar.x < start_b  # some time in 2023
    assert end_a < bar.x + bar.width < end_b  # some time in 2024
    assert start_b == pytest.approx(end_a)
    content = html(client.get(URL))
    assert "only the year known" in content
    assert content.count('class="tl-year-only"') >= 2


def test_spells_known_to_the_month_have_no_dashes(backhaus):
    for spell in Spell.objects.filter(player=backhaus):
        spell.start_precision = spell.end_precision = "month"
        spell.save()
    timeline = timeline_of(backhaus)
    assert not timeline.has_years_only
