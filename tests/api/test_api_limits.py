"""Pages, throttling, ETags and query counts that stay flat as the data grows."""

import datetime

import pytest
from rest_framework.throttling import AnonRateThrottle

from clubs.models import Club, ClubName, Competition, Country, NationalTeam
from interviews.models import Interview, Mention, PhotoCredit, Turn
from players.models import (
    BiographySection,
    Cap,
    InternationalMatch,
    Player,
    PlayerName,
    SeasonStatistics,
    Spell,
)
from tests import factories
from tests.helpers import get_counting_queries


def test_the_page_size_is_chosen_by_the_client_up_to_100(api, club):
    Club.objects.bulk_create(Club(name=f"Club {n}", slug=f"club-{n}") for n in range(120))
    assert len(api.get("/api/v1/clubs/").json()["results"]) == 25
    assert len(api.get("/api/v1/clubs/", {"page_size": 10}).json()["results"]) == 10
    page = api.get("/api/v1/clubs/", {"page_size": 1000}).json()
    assert len(page["results"]) == 100
    assert page["count"] == 121
    assert page["next"].endswith("page=2&page_size=1000")
    assert api.get("/api/v1/clubs/", {"page": 99}).status_code == 404


def test_anonymous_clients_are_throttled_editors_are_not(api, editor_api, club, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    assert [api.get("/api/v1/clubs/").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert editor_api.get("/api/v1/clubs/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/players/jiri-pavlenka/",
        "/api/v1/clubs/werder-bremen/",
        "/api/v1/competitions/bundesliga/",
        "/api/v1/national-teams/germany-u19/",
        "/api/v1/interviews/ich-bin-angekommen/",
    ],
)
def test_a_detail_answers_304_while_it_is_unchanged(api, career, interview, url):
    first = api.get(url)
    etag = first["ETag"]
    assert etag
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert api.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_the_etag_changes_when_a_season_row_changes(api, career):
    url = "/api/v1/players/jiri-pavlenka/"
    etag = api.get(url)["ETag"]
    # Saved as the admin, the API and the importer save (QuerySet.update() sends no
    # signal, so it would not move the content version: see core.cache).
    for row in SeasonStatistics.objects.filter(player=career):
        row.cup_goals = 1
        row.save()
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


# --- Query counts ------------------------------------------------------------------------


def grow(n: int, *, player: Player, club: Club, division: Competition) -> None:
    """n more of everything each endpoint shows: players, spells, seasons, caps, interviews."""
    countries = Country.objects.bulk_create(
        Country(code=f"X{n}-{i}", name=f"Country {n}-{i}") for i in range(n)
    )
    for i, country in enumerate(countries):
        other = Club.objects.create(name=f"Club {n}-{i}", country=country, parent=club)
        ClubName.objects.create(club=other, name=f"Alias {i}")
        team = NationalTeam.objects.create(country=country, level="senior")
        Competition.objects.create(name=f"League {n}-{i}", country=country)
        teammate = Player.objects.create(full_name=f"Player {n}-{i}", current_club=club)
        teammate.nationalities.add(country)
        PlayerName.objects.create(player=teammate, name=f"Nick {i}")
        Spell.objects.create(player=teammate, club=other, kind="loan", owner_club=club)
        Spell.objects.create(player=teammate, club=club, kind="loan", owner_club=other)
        Spell.objects.create(player=player, club=other, start=datetime.date(2000 + i, 7, 1))
        season = factories.season(str(1990 + i))
        SeasonStatistics.objects.create(
            player=player, club=other, season=season, division=division, league_apps=i
        )
        Cap.objects.create(player=player, national_team=team, caps=i)
        InternationalMatch.objects.create(player=player, national_team=team, opponent="X")
        BiographySection.objects.create(player=player, heading=f"Part {i}")
        interview = Interview.objects.create(title=f"Interview {n}-{i}")
        interview.players.add(player, teammate)
        Turn.objects.create(interview=interview, kind="question", text="?")
        PhotoCredit.objects.create(interview=interview, caption="c")
        Mention.objects.create(interview=interview, player=teammate, name="T")
        Mention.objects.create(interview=interview, club=other, name="C")


ENDPOINTS = [
    "/api/v1/players/",
    "/api/v1/players/jiri-pavlenka/",
    "/api/v1/players/?nationality=DE&search=pavlenka",
    "/api/v1/clubs/",
    "/api/v1/clubs/werder-bremen/",
    "/api/v1/competitions/",
    "/api/v1/competitions/bundesliga/",
    "/api/v1/national-teams/",
    "/api/v1/national-teams/germany-u19/",
    "/api/v1/interviews/",
    "/api/v1/interviews/ich-bin-angekommen/",
    "/api/v1/countries/",
]


def count_queries(client, url: str) -> int:
    return len(get_counting_queries(client, url)[0])


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_every_endpoint_runs_as_many_queries_for_many_rows_as_for_few(
    clients, who, career, interview, club, division
):
    client = clients[who]
    grow(1, player=career, club=club, division=division)
    few = {url: count_queries(client, url) for url in ENDPOINTS}
    grow(8, player=career, club=club, division=division)
    many = {url: count_queries(client, url) for url in ENDPOINTS}
    assert many == few, few
    assert max(few.values()) <= 15  # anonymous: 3 to 9; a session and permissions add 4
