"""/api/v1/interviews/: the text turn by turn, credits, mentions; editing."""

import pytest

from core.publishing import Status
from interviews.models import Interview

LIST = "/api/v1/interviews/"


@pytest.mark.parametrize("who", ["anonymous", "editor", "stranger"])
def test_everyone_reads_a_published_interview(clients, who, interview):
    listed = clients[who].get(LIST).json()["results"]
    assert [row["slug"] for row in listed] == [interview.slug]
    data = clients[who].get(f"{LIST}{interview.slug}/").json()
    assert data["published_at"] == "2024-03-01T09:30:00Z"  # ISO 8601, in UTC
    assert data["outlet"]["name"] == "Bundesliga.com"
    assert [(t["kind"], t["text"]) for t in data["turns"]] == [
        ("question", "How are you?"),
        ("answer", "Fine."),
    ]
    assert data["photo_credits"] == [{"order": 0, "caption": "In training", "credit": "Getty"}]
    [mention] = data["mentions"]
    assert mention["club"]["slug"] == "werder-bremen"
    assert mention["player"] is None
    assert [p["slug"] for p in data["players"]] == ["jiri-pavlenka"]


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 404), ("stranger", 404), ("editor", 200)]
)
def test_a_draft_interview_is_seen_only_by_editors(clients, who, status, interview):
    interview.status = Status.DRAFT
    interview.save()
    assert clients[who].get(f"{LIST}{interview.slug}/").status_code == status


def test_interviews_are_found_by_player_and_by_words(api, interview, player):
    assert len(api.get(LIST, {"player": player.slug}).json()["results"]) == 1
    assert len(api.get(LIST, {"player": "someone-else"}).json()["results"]) == 0
    assert len(api.get(LIST, {"search": "pavlenka angekommen"}).json()["results"]) == 1


def test_an_editor_writes_an_interview_about_a_player(editor_api, outlet, player):
    response = editor_api.post(
        LIST,
        {
            "title": "Zurück im Tor",
            "outlet": outlet.slug,
            "published_at": "2025-01-12T00:00:00+01:00",  # known to the day
            "published_precision": "date",
            "players": [player.slug],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    interview = Interview.objects.get(slug="zuruck-im-tor")
    assert "pavlenka" in interview.search_text  # the players feed the search
    assert editor_api.patch(f"{LIST}zuruck-im-tor/", {"author": "A. B."}).status_code == 200
    assert editor_api.delete(f"{LIST}zuruck-im-tor/").status_code == 204


@pytest.mark.parametrize("who", ["anonymous", "stranger"])
def test_only_editors_write_interviews(clients, who, interview):
    client = clients[who]
    assert client.post(LIST, {"title": "X"}).status_code in {401, 403}
    assert client.patch(f"{LIST}{interview.slug}/", {"title": "X"}).status_code in {401, 403}
    assert client.delete(f"{LIST}{interview.slug}/").status_code in {401, 403}
    assert Interview.objects.filter(pk=interview.pk, title="„Ich bin angekommen“").exists()


def test_a_bad_interview_names_its_fields(editor_api, db):
    response = editor_api.post(
        LIST,
        {"title": "", "source_url": "not a url", "outlet": "nobody", "players": ["nobody"]},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"title", "source_url", "outlet", "players"}
