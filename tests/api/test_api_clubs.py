"""/api/v1/clubs/, /competitions/, /national-teams/ and /countries/."""

import datetime

import pytest

from clubs.models import Club, Competition, NationalTeam
from core.publishing import Status
from players.models import Player, Spell

CLUBS = "/api/v1/clubs/"


@pytest.mark.parametrize("who", ["anonymous", "editor", "stranger"])
def test_everyone_reads_the_published_clubs(clients, who, club, other_club, draft_club):
    response = clients[who].get(CLUBS)
    assert response.status_code == 200
    slugs = [row["slug"] for row in response.json()["results"]]
    assert {"borussia-monchengladbach", "werder-bremen"} <= set(slugs)
    assert ("hidden-fc" in slugs) is (who == "editor")
    expected = 200 if who == "editor" else 404
    assert clients[who].get(f"{CLUBS}hidden-fc/").status_code == expected


def test_a_club_shows_its_squad_and_the_loans_running_today(api, career, club, other_club):
    Player.objects.create(full_name="Geheim Spieler", status=Status.DRAFT, current_club=club)
    Spell.objects.create(
        player=career,
        club=other_club,
        kind="loan",
        owner_club=club,
        start=datetime.date(2015, 7, 1),
        end=datetime.date(2016, 6, 30),
    )
    werder = api.get(f"{CLUBS}werder-bremen/").json()
    assert [p["slug"] for p in werder["squad"]] == ["jiri-pavlenka"]  # not the draft
    [out] = werder["loans_out"]  # not the loan that ended in 2016
    assert out["player"]["slug"] == "jiri-pavlenka"
    assert out["club"]["slug"] == "borussia-monchengladbach"
    assert werder["loans_in"] == []
    assert werder["country"] == {"code": "DE", "name": "Germany", "demonym": "German"}
    gladbach = api.get(f"{CLUBS}borussia-monchengladbach/").json()
    assert [loan["owner_club"]["slug"] for loan in gladbach["loans_in"]] == ["werder-bremen"]


def test_clubs_are_found_without_accents_and_by_country(api, club, other_club, japan):
    Club.objects.create(name="Kawasaki Frontale", country=japan)

    def slugs(**params) -> list[str]:
        return [row["slug"] for row in api.get(CLUBS, params).json()["results"]]

    assert slugs(search="monchengladbach") == ["borussia-monchengladbach"]
    assert slugs(country="JP") == ["kawasaki-frontale"]


def test_an_editor_adds_changes_and_deletes_a_club(editor_api, club, germany):
    response = editor_api.post(
        CLUBS,
        {"name": "Werder Bremen II", "country": "DE", "parent": club.slug, "status": "draft"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["parent"]["slug"] == "werder-bremen"
    response = editor_api.patch(f"{CLUBS}werder-bremen-ii/", {"short_name": "Werder II"})
    assert response.status_code == 200
    assert Club.objects.get(slug="werder-bremen-ii").short_name == "Werder II"
    assert editor_api.delete(f"{CLUBS}werder-bremen-ii/").status_code == 204


def test_a_club_cannot_be_its_own_parent(editor_api, club):
    response = editor_api.patch(f"{CLUBS}{club.slug}/", {"parent": club.slug}, format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_club_with_a_players_spell_cannot_be_deleted(editor_api, player, club):
    Spell.objects.create(player=player, club=club)
    response = editor_api.delete(f"{CLUBS}{club.slug}/")
    assert response.status_code == 409
    assert "spells" in response.json()["detail"]
    assert Club.objects.filter(pk=club.pk).exists()


@pytest.mark.parametrize("who", ["anonymous", "stranger"])
def test_only_editors_write_clubs(clients, who, club):
    assert clients[who].post(CLUBS, {"name": "X"}).status_code in {401, 403}
    assert clients[who].delete(f"{CLUBS}{club.slug}/").status_code in {401, 403}


@pytest.mark.parametrize("who", ["anonymous", "editor", "stranger"])
def test_everyone_reads_competitions_and_national_teams(clients, who, division, cup, u19):
    client = clients[who]
    leagues = client.get("/api/v1/competitions/", {"kind": "league"}).json()["results"]
    assert [c["slug"] for c in leagues] == ["bundesliga"]
    assert client.get("/api/v1/competitions/dfb-pokal/").json()["kind"] == "cup"
    teams = client.get("/api/v1/national-teams/", {"country": "DE"}).json()["results"]
    assert [t["name"] for t in teams] == ["Germany U19"]
    assert client.get(f"/api/v1/national-teams/{u19.slug}/").json()["level"] == "U19"
    assert client.get("/api/v1/countries/DE/").json()["name"] == "Germany"


def test_an_editor_adds_a_competition_and_a_national_team(editor_api, germany, division):
    response = editor_api.post(
        "/api/v1/competitions/", {"name": "2. Bundesliga", "country": "DE", "tier": 2}
    )
    assert response.status_code == 201, response.json()
    assert Competition.objects.get(slug="2-bundesliga").tier == 2
    response = editor_api.post("/api/v1/national-teams/", {"country": "DE", "level": "U21"})
    assert response.status_code == 201, response.json()
    assert response.json()["name"] == "Germany U21"


def test_the_same_competition_or_team_twice_is_a_400(editor_api, division, u19):
    response = editor_api.post("/api/v1/competitions/", {"name": "Bundesliga", "country": "DE"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    response = editor_api.post("/api/v1/national-teams/", {"country": "DE", "level": "U19"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    response = editor_api.post("/api/v1/national-teams/", {"country": "XX", "level": "U99"})
    assert set(response.json()) == {"country", "level"}
    assert NationalTeam.objects.count() == 1


def test_a_national_team_with_caps_cannot_be_deleted(editor_api, career, u19):
    response = editor_api.delete(f"/api/v1/national-teams/{u19.slug}/")
    assert response.status_code == 409


@pytest.mark.parametrize("who", ["anonymous", "stranger"])
def test_only_editors_write_competitions_and_teams(clients, who, division, u19):
    client = clients[who]
    assert client.post("/api/v1/competitions/", {"name": "X"}).status_code in {401, 403}
    assert client.patch("/api/v1/competitions/bundesliga/", {"tier": 3}).status_code in {401, 403}
    assert client.delete(f"/api/v1/national-teams/{u19.slug}/").status_code in {401, 403}
    assert Competition.objects.get(slug="bundesliga").tier == 1
