"""The API's player list at a million players (issue 13), its limit made small: the next
and previous links of deep pages name the player they start from (after=, before=), and
following them reads every player once, in order, with the same count."""

import pytest

from core import api as core_api
from players.models import Player


def test_the_api_next_and_previous_links_walk_every_player_once(api, many, monkeypatch):
    monkeypatch.setattr(core_api.IndexedPagination, "CURSOR_FROM", 11)  # from page 2 on
    url, seen, pages = "/api/v1/players/?page_size=10", [], []
    while url:
        page = api.get(url).json()
        assert page["count"] == 100
        seen += [player["full_name"] for player in page["results"]]
        pages.append(page)
        url = page["next"]
    assert seen == many
    assert "after=" in pages[1]["next"]
    assert "after=" not in (pages[0]["next"] or "")  # page 1 ends before row 11: by number
    back: list[str] = []
    url = pages[-1]["previous"]
    while url:
        page = api.get(url).json()
        back = [player["full_name"] for player in page["results"]] + back
        url = page["previous"]
    assert back == many[:-10]
    assert "before=" in pages[5]["previous"]
    assert "before=" not in pages[2]["previous"]  # to page 2, which starts at row 11


def test_a_cursor_that_does_not_fit_gives_the_page_its_number_names(api, many, monkeypatch):
    monkeypatch.setattr(core_api.IndexedPagination, "CURSOR_FROM", 10)
    third = api.get("/api/v1/players/?page_size=10&page=3").json()["results"]
    last = Player.objects.get(full_name=many[-1])
    draft = Player.objects.get(slug="draft")  # not in the reader's list: no anchor
    cursors = [f"after={last.pk}", "after=abc", "before=99999999", "after=" + "9" * 40]
    for cursor in [*cursors, f"after={draft.pk}", f"before={draft.pk}"]:
        found = api.get(f"/api/v1/players/?page_size=10&page=3&{cursor}")
        assert found.status_code == 200
        assert found.json()["results"] == third
    assert api.get("/api/v1/players/?page_size=10&page=11&after=1").status_code == 404


@pytest.mark.parametrize("every", [10, 15, 40])
def test_a_deep_page_asked_by_number_is_the_same_from_its_marker(api, many, monkeypatch, every):
    monkeypatch.setattr(core_api.IdsFirst, "ANCHOR_EVERY", every)
    for number in range(1, 11):
        page = api.get(f"/api/v1/players/?page_size=10&page={number}").json()
        assert [p["full_name"] for p in page["results"]] == many[(number - 1) * 10 : number * 10]
    Player.objects.create(full_name="Spieler 000a")  # the markers follow the content
    page = api.get("/api/v1/players/?page_size=10&page=6").json()
    assert page["results"][0]["full_name"] == many[49]
