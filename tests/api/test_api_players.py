"""/api/v1/players/: the list, its filters, the career on the detail, and editing."""

import pytest

from core.publishing import Status
from players.models import Player, PlayerName

LIST = "/api/v1/players/"


def detail(slug: str) -> str:
    return f"{LIST}{slug}/"


@pytest.mark.parametrize("who", ["anonymous", "editor", "stranger"])
def test_everyone_reads_the_published_players(clients, who, career):
    response = clients[who].get(LIST)
    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["jiri-pavlenka"]
    assert clients[who].get(detail("jiri-pavlenka")).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 404), ("stranger", 404), ("editor", 200)]
)
def test_a_draft_is_seen_only_by_editors(clients, who, status, draft_player):
    assert clients[who].get(detail(draft_player.slug)).status_code == status
    listed = [row["slug"] for row in clients[who].get(LIST).json()["results"]]
    assert (draft_player.slug in listed) is (status == 200)


def test_the_list_filters_by_position_club_and_nationality(api, player, club, other_club):
    striker = Player.objects.create(full_name="Marvin Ducksch", position="forward")
    striker.current_club = other_club
    striker.save()

    def slugs(**params) -> list[str]:
        return [row["slug"] for row in api.get(LIST, params).json()["results"]]

    assert slugs(position="goalkeeper") == ["jiri-pavlenka"]
    assert slugs(position="forward") == ["marvin-ducksch"]
    assert slugs(club=club.slug) == ["jiri-pavlenka"]
    assert slugs(club=other_club.slug) == ["marvin-ducksch"]
    assert slugs(nationality="DE") == ["jiri-pavlenka"]
    assert slugs(nationality="de") == ["jiri-pavlenka"]
    assert slugs(nationality="JP") == []


@pytest.mark.parametrize("query", ["jiri", "JIŘÍ pavl", "nagata", "Pavlenka"])
def test_search_ignores_accents_and_finds_alternative_names(api, player, query):
    Player.objects.create(full_name="Manuel Neuer")
    PlayerName.objects.create(player=player, name="Mio Nagata")
    player.save()
    results = api.get(LIST, {"search": query}).json()["results"]
    assert [row["slug"] for row in results] == ["jiri-pavlenka"]


def test_the_detail_shows_the_whole_career(api, career, interview):
    data = api.get(detail("jiri-pavlenka")).json()
    assert data["name"] == "Jiří Pavlenka"
    assert data["alternative_names"] == ["Mio Nagata"]
    assert sorted(data["nationalities"]) == ["DE", "JP"]
    assert data["date_of_birth"] == "1992-04"  # a month-precise date is given as year-month
    assert data["date_of_birth_precision"] == "month"
    assert data["current_club"]["slug"] == "werder-bremen"
    assert [spell["kind"] for spell in data["spells"]] == ["youth"]
    assert data["spells"][0]["start"] == "2008-07-01"
    [loan] = data["loans"]
    assert loan["club"]["slug"] == "borussia-monchengladbach"
    assert loan["owner_club"]["slug"] == "werder-bremen"
    assert data["caps"][0]["national_team"]["name"] == "Germany U19"
    assert data["caps"][0]["caps"] == 3
    assert data["notable_matches"][0]["opponent"] == "Czechia U19"
    assert data["notable_matches"][0]["date_precision"] == "month"
    assert data["biography"] == [{"heading": "Early years", "text": "…"}]
    assert [i["title"] for i in data["interviews"]] == ["„Ich bin angekommen“"]


def test_the_career_total_is_the_sum_of_the_seasons_and_did_not_play_stays_null(api, career):
    statistics = api.get(detail("jiri-pavlenka")).json()["statistics"]
    [werder] = statistics["clubs"]
    assert [row["season"] for row in werder["seasons"]] == ["2022–23", "2023–24"]
    first, second = werder["seasons"]
    assert first["cup_apps"] == 0
    assert second["cup_apps"] is None  # did not take part, not 0
    assert first["continental_apps"] is None
    assert werder["total"]["league_apps"] == 30
    assert werder["total"]["cup_apps"] == 0
    assert werder["total"]["continental_apps"] is None
    assert statistics["total"]["total_apps"] == 30
    assert statistics["total"]["total_goals"] == 1
    assert statistics["total"]["league_goals"] == 1


def test_a_draft_interview_is_not_listed_on_the_public_profile(api, editor_api, career, interview):
    interview.status = Status.DRAFT
    interview.save()
    assert api.get(detail("jiri-pavlenka")).json()["interviews"] == []
    assert len(editor_api.get(detail("jiri-pavlenka")).json()["interviews"]) == 1


def test_an_editor_adds_a_player(editor_api, club, germany):
    response = editor_api.post(
        LIST,
        {
            "full_name": "Mitchell Weiser",
            "position": "defender",
            "nationalities": ["DE"],
            "current_club": club.slug,
            "date_of_birth": "1994-04-21",
            "height_cm": 177,
            "status": "draft",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["slug"] == "mitchell-weiser"
    assert data["nationalities"] == ["DE"]
    assert data["status"] == "draft"
    player = Player.objects.get(slug="mitchell-weiser")
    assert player.current_club == club
    assert "weiser" in player.search_text


def test_an_editor_corrects_and_deletes_a_player(editor_api, player):
    response = editor_api.patch(detail(player.slug), {"height_cm": 184}, format="json")
    assert response.status_code == 200
    assert response.json()["height_cm"] == 184
    player.refresh_from_db()
    assert player.height_cm == 184
    assert player.history.first().history_user.username == "editor"
    assert editor_api.delete(detail(player.slug)).status_code == 204
    assert not Player.objects.filter(pk=player.pk).exists()


@pytest.mark.parametrize("who", ["anonymous", "stranger"])
def test_only_editors_write(clients, who, player):
    client = clients[who]
    expected = {401, 403}
    assert client.post(LIST, {"full_name": "X"}, format="json").status_code in expected
    assert client.patch(detail(player.slug), {"known_as": "X"}).status_code in expected
    assert client.delete(detail(player.slug)).status_code in expected
    assert Player.objects.get(pk=player.pk).known_as == ""


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"height_cm": 80}, "height_cm"),  # the database's plausibility check
        ({"height_cm": -1}, "height_cm"),
        ({"position": "libero"}, "position"),
        ({"nationalities": ["XX"]}, "nationalities"),
        ({"current_club": "no-such-club"}, "current_club"),
        ({"date_of_birth": "1 April 1992"}, "date_of_birth"),
        ({"date_of_birth_precision": "week"}, "date_of_birth_precision"),
        ({"full_name": ""}, "full_name"),
        ({"slug": "has spaces"}, "slug"),
        ({"slug": "marvin-ducksch"}, "slug"),  # taken
    ],
)
def test_a_bad_value_is_a_400_naming_the_field(editor_api, player, payload, field):
    Player.objects.create(full_name="Marvin Ducksch")
    response = editor_api.patch(detail(player.slug), payload, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()


def test_creating_without_a_name_says_so(editor_api, db):
    response = editor_api.post(LIST, {}, format="json")
    assert response.status_code == 400
    assert response.json()["full_name"] == ["This field is required."]
