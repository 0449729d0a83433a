"""The players list and search as they behave at a million players (issue 13), with the
limits made small: pages reached by Next and Previous links (after=/before=) are the pages
their numbers name (the API's: tests/api/test_api_list_at_scale.py), the club filter
offers the most populous clubs and the chosen one, a kept count follows the content, and
a search ranks the exact name first however many names contain the query."""

import html as markup
import re

import pytest

from clubs.models import Club
from players import search, selectors
from players.models import Player
from tests.helpers import html

PAGE = 24  # players.views.PAGE_SIZE


def names(content: str) -> list[str]:
    return [
        markup.unescape(name)
        for name in re.findall(r'class="card-title" href="[^"]+">([^<]+)</a>', content)
    ]


def link(content: str, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', content)
    return markup.unescape(found.group(1)) if found else None


def test_next_and_previous_links_walk_the_list_as_the_page_numbers_do(client, many, monkeypatch):
    monkeypatch.setattr(selectors, "KEYSET_FROM", PAGE)  # links from page 1 on name a player
    by_number = [names(html(client.get("/players/", {"page": n}))) for n in range(1, 6)]
    # every published player once, by name; no draft
    assert [name for page in by_number for name in page] == many

    url, pages, cursors = "/players/", [], []
    while url:
        content = html(client.get(url))
        pages.append(names(content))
        next_url = link(content, "next")
        url = f"/players/{next_url}" if next_url else ""
        cursors.append(next_url)
    assert pages == by_number
    assert "after=" in (cursors[0] or "")  # the links name the player they start from
    assert "Page 5 of 5" in content

    back = []
    while url := link(content, "prev") or "":
        content = html(client.get(f"/players/{url}"))
        back.append(names(content))
    assert back == by_number[-2::-1]
    assert "before=" in (link(html(client.get("/players/?page=4")), "prev") or "")


@pytest.mark.parametrize("every", [24, 30, 50])
def test_a_deep_page_asked_by_number_is_the_same_from_its_marker(client, many, monkeypatch, every):
    monkeypatch.setattr(selectors.IndexedList, "ANCHOR_EVERY", every)  # markers every `every` rows
    for number in range(1, 6):
        shown = names(html(client.get("/players/", {"page": number})))
        assert shown == many[(number - 1) * PAGE : number * PAGE]
    # the markers follow the content: a player added before page 4 moves it by one
    Player.objects.create(full_name="Spieler 000a")
    assert names(html(client.get("/players/?page=4")))[0] == many[3 * PAGE - 1]


def test_shallow_pages_link_by_number_only(client, many):
    first = html(client.get("/players/"))
    assert link(first, "next") == "?page=2"


def test_a_link_whose_player_no_longer_fits_gives_the_page_its_number_names(
    client, many, monkeypatch
):
    monkeypatch.setattr(selectors, "KEYSET_FROM", PAGE)
    third = names(html(client.get("/players/?page=3")))
    last = Player.objects.get(full_name=many[-1])
    # after the last player there is no page 3: the number decides
    assert names(html(client.get(f"/players/?page=3&after={last.pk}"))) == third
    draft = Player.objects.get(slug="draft")  # not in the list: no anchor for a page
    for junk in ["abc", "-1", "9" * 40, "999999", str(draft.pk)]:
        assert names(html(client.get("/players/", {"page": 3, "after": junk}))) == third
        assert names(html(client.get("/players/", {"page": 3, "before": junk}))) == third


def test_the_count_kept_for_the_list_follows_new_players(client, many, monkeypatch):
    monkeypatch.setattr(selectors.IndexedList, "COUNTED_FROM", 1)
    assert "100 players" in html(client.get("/players/"))
    assert "100 players" in html(client.get("/players/?page=2"))
    Player.objects.create(full_name="Neuer Spieler")
    assert "101 players" in html(client.get("/players/?page=2"))


def test_the_club_filter_offers_the_clubs_with_most_players_and_the_chosen_one(
    client, germany, monkeypatch
):
    monkeypatch.setattr(selectors, "LIST_CLUB_OPTIONS", 2)
    clubs = [Club.objects.create(name=name, country=germany) for name in ["Aue", "Bonn", "Celle"]]
    for club, players in zip(clubs, [1, 3, 2], strict=True):
        for i in range(players):
            Player.objects.create(full_name=f"{club.name} {i}", current_club=club)
    content = html(client.get("/players/"))
    assert '<option value="bonn">Bonn</option><option value="celle">Celle</option>' in content
    assert '<option value="aue">' not in content
    assert 'href="/clubs/"' in content  # where every other club's squad is
    chosen = html(client.get("/players/?club=aue"))
    assert '<option value="aue" selected>Aue</option>' in chosen
    assert names(chosen) == ["Aue 0"]
    assert chosen.count(" selected>") == 1


def test_every_club_is_offered_while_there_are_few(client, germany):
    aue = Club.objects.create(name="Aue", country=germany)
    Player.objects.create(full_name="Aue 0", current_club=aue)
    content = html(client.get("/players/"))
    assert '<option value="aue">Aue</option>' in content
    assert 'href="/clubs/"' not in content.split('id="f-club"')[1].split("</div>")[0]


def test_the_exact_name_and_names_that_start_with_the_query_come_first_however_many_match(
    client, db, monkeypatch
):
    monkeypatch.setattr(search, "CANDIDATES", 3)  # PostgreSQL: ranks a few by name
    for i in range(6):
        Player.objects.create(full_name=f"Anton Müller {i}")
    Player.objects.create(full_name="Müllerová Zdenka")
    Player.objects.create(full_name="Müller")
    found = names(html(client.get("/search/", {"q": "muller"})).split('id="r-players"')[1])
    assert found[:2] == ["Müller", "Müllerová Zdenka"]
    assert set(found[2:]) <= {f"Anton Müller {i}" for i in range(6)}
    assert len(found) >= 5
