"""API fixtures on top of tests/conftest.py: clients per permission level and a career."""

import datetime

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from clubs.models import Club, Competition, Country, NationalTeam, Season
from core.publishing import Status
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    PlayerName,
    SeasonStatistics,
    Spell,
)


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The anonymous throttle counts in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_api(editor) -> APIClient:
    client = APIClient()
    client.force_login(editor)  # a session, so every request loads the user as in production
    return client


@pytest.fixture
def stranger_api(stranger) -> APIClient:
    client = APIClient()
    client.force_login(stranger)
    return client


@pytest.fixture
def clients(api, editor_api, stranger_api) -> dict[str, APIClient]:
    return {"anonymous": api, "editor": editor_api, "stranger": stranger_api}


@pytest.fixture
def japan(db) -> Country:
    return Country.objects.get_or_create(
        code="JP", defaults={"name": "Japan", "demonym": "Japanese"}
    )[0]


@pytest.fixture
def cup(germany) -> Competition:
    return Competition.objects.create(name="DFB-Pokal", country=germany, kind="cup")


@pytest.fixture
def career(player, club, other_club, division, season, u19, japan):
    """Pavlenka: a youth spell, a loan from Werder to Gladbach, two seasons, a cap, a match."""
    PlayerName.objects.create(player=player, name="Mio Nagata")
    player.nationalities.add(japan)
    player.date_of_birth = datetime.date(1992, 4, 1)
    player.date_of_birth_precision = "month"
    player.save()
    Spell.objects.create(player=player, club=club, kind="youth", start=datetime.date(2008, 7, 1))
    today = datetime.date.today()
    Spell.objects.create(
        player=player,
        club=other_club,
        kind="loan",
        owner_club=club,
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
    )
    earlier = Season.objects.get_or_create_from_label("2022–23")
    SeasonStatistics.objects.create(
        player=player, club=club, season=earlier, division=division, league_apps=10, cup_apps=0
    )
    SeasonStatistics.objects.create(
        player=player, club=club, season=season, division=division, league_apps=20, league_goals=1
    )
    Cap.objects.create(player=player, national_team=u19, caps=3, goals=0, first_year=2010)
    InternationalMatch.objects.create(
        player=player,
        national_team=u19,
        date=datetime.date(2010, 5, 1),
        date_precision="month",
        opponent="Czechia U19",
        goals_for=1,
        goals_against=0,
    )
    BiographySection.objects.create(player=player, order=1, heading="Early years", text="…")
    return player


@pytest.fixture
def outlet(db) -> Outlet:
    return Outlet.objects.create(name="Bundesliga.com", website="https://www.bundesliga.com")


@pytest.fixture
def interview(outlet, player, club) -> Interview:
    interview = Interview.objects.create(
        outlet=outlet,
        title="„Ich bin angekommen“",
        author="Anna Schmidt",
        published_at=datetime.datetime(2024, 3, 1, 9, 30, tzinfo=datetime.UTC),
    )
    interview.players.add(player)
    interview.save()
    Turn.objects.create(interview=interview, order=1, kind="question", text="How are you?")
    Turn.objects.create(interview=interview, order=2, kind="answer", speaker="JP", text="Fine.")
    PhotoCredit.objects.create(interview=interview, caption="In training", credit="Getty")
    Mention.objects.create(interview=interview, club=club, name="Werder")
    return interview


@pytest.fixture
def draft_player(club) -> Player:
    return Player.objects.create(full_name="Geheim Spieler", status=Status.DRAFT, current_club=club)


@pytest.fixture
def draft_club(germany) -> Club:
    return Club.objects.create(name="Hidden FC", country=germany, status=Status.DRAFT)


@pytest.fixture
def senior_germany(germany) -> NationalTeam:
    return NationalTeam.objects.create(country=germany, level="senior")
