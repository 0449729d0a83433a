"""A draft never reaches an anonymous API reader: not as a record, not nested in a
published one, not through a filter. Editors still see everything."""

import pytest
from django.core.cache import cache

from interviews.models import Mention
from players.models import SeasonStatistics, Spell


@pytest.fixture(autouse=True)
def no_throttle_carry_over():
    cache.clear()


@pytest.fixture
def player_at_a_draft_club(player, draft_club, division, season):
    player.current_club = draft_club
    player.save()
    Spell.objects.create(player=player, club=draft_club, kind=Spell.Kind.SENIOR)
    SeasonStatistics.objects.create(
        player=player, club=draft_club, season=season, division=division, league_apps=9
    )
    return player


def test_a_draft_club_is_null_wherever_a_published_player_names_it(
    client, player_at_a_draft_club, draft_club
):
    data = client.get(f"/api/v1/players/{player_at_a_draft_club.slug}/").json()
    body = str(data)
    assert data["current_club"] is None
    assert draft_club.name not in body
    assert draft_club.slug not in body
    listed = client.get("/api/v1/players/").json()["results"]
    assert [p["current_club"] for p in listed] == [None]


def test_filtering_by_a_draft_clubs_slug_finds_nothing(client, player_at_a_draft_club, draft_club):
    response = client.get("/api/v1/players/", {"club": draft_club.slug})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_an_editor_sees_the_draft_club(editor_client, player_at_a_draft_club, draft_club):
    data = editor_client.get(f"/api/v1/players/{player_at_a_draft_club.slug}/").json()
    assert data["current_club"]["slug"] == draft_club.slug
    listed = editor_client.get("/api/v1/players/", {"club": draft_club.slug}).json()
    assert [p["slug"] for p in listed["results"]] == [player_at_a_draft_club.slug]


def test_mentions_of_drafts_are_left_out_of_an_interview(
    client, interview, draft_player, draft_club, other_club
):
    Mention.objects.create(interview=interview, player=draft_player, name=draft_player.full_name)
    Mention.objects.create(interview=interview, club=draft_club, name=draft_club.name)
    Mention.objects.create(interview=interview, club=other_club, name=other_club.name)
    data = client.get(f"/api/v1/interviews/{interview.slug}/").json()
    assert other_club.slug in [m["club"]["slug"] for m in data["mentions"] if m["club"]]
    assert all(m["player"] or m["club"] for m in data["mentions"])
    assert draft_player.slug not in str(data)
    assert draft_club.slug not in str(data)
