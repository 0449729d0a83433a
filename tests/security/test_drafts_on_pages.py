"""A draft club, player or interview never appears to an anonymous reader of the site:
not on its own page, not named by a published record, not in lists, search, sitemap,
feed, meta tags or JSON-LD, and not through a filter."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import Status
from interviews.models import Interview, Mention
from players.models import SeasonStatistics, Spell

SURFACES = ["/", "/players/", "/clubs/", "/interviews/", "/search/?q=hidden",
            "/search/?q=geheim", "/sitemap.xml", "/sitemap-players.xml", "/sitemap-clubs.xml",
            "/sitemap-interviews.xml", "/feeds/interviews/", "/de/players/"]  # fmt: skip


@pytest.fixture
def drafts(player, club, draft_club, draft_player, division, season, other_club, outlet):
    """A published player whose current club, a loan and a season are at a draft club; a
    draft player and a draft interview; a published interview mentioning the drafts."""
    player.current_club = draft_club
    player.save()
    Spell.objects.create(
        player=player, club=draft_club, kind=Spell.Kind.LOAN, owner_club=club,
        start=datetime.date(2023, 7, 1), end=datetime.date(2099, 6, 30),
    )  # fmt: skip
    Spell.objects.create(
        player=player, club=club, kind=Spell.Kind.LOAN, owner_club=draft_club,
        start=datetime.date(2023, 7, 1), end=datetime.date(2099, 6, 30),
    )  # fmt: skip
    SeasonStatistics.objects.create(
        player=player, club=draft_club, season=season, division=division, league_apps=12
    )
    hidden = Interview.objects.create(
        title="Secret talk", outlet=outlet, status=Status.DRAFT, published_at=timezone.now()
    )
    hidden.players.add(player)
    public = Interview.objects.create(title="Open talk", outlet=outlet, published_at=timezone.now())
    public.players.add(player, draft_player)
    Mention.objects.create(interview=public, player=draft_player, name=draft_player.full_name)
    Mention.objects.create(interview=public, club=draft_club, name=draft_club.name)
    return {"club": draft_club, "player": draft_player, "interview": hidden, "public": public}


def assert_hidden(content: str, drafts) -> None:
    for text in (
        drafts["club"].name, drafts["club"].slug, drafts["player"].full_name,
        drafts["player"].slug, drafts["interview"].title, drafts["interview"].slug,
    ):  # fmt: skip
        assert text not in content


@pytest.mark.parametrize("url", SURFACES)
def test_no_list_search_sitemap_or_feed_shows_a_draft(client, drafts, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert_hidden(response.content.decode(), drafts)


def test_a_published_players_page_does_not_name_his_draft_club(client, drafts, player):
    response = client.get(player.get_absolute_url())
    assert response.status_code == 200
    assert_hidden(response.content.decode(), drafts)  # current club, spells, table, timeline,
    # meta description and JSON-LD alike


def test_a_published_clubs_page_does_not_name_a_draft_club_it_loans_to(client, drafts, club):
    response = client.get(club.get_absolute_url())
    assert response.status_code == 200
    assert_hidden(response.content.decode(), drafts)


def test_a_published_interview_does_not_link_its_draft_mentions(client, drafts):
    content = client.get(drafts["public"].get_absolute_url()).content.decode()
    assert drafts["player"].get_absolute_url() not in content
    assert drafts["club"].get_absolute_url() not in content


def test_the_drafts_own_pages_are_not_found(client, drafts):
    for record in (drafts["club"], drafts["player"], drafts["interview"]):
        assert client.get(record.get_absolute_url()).status_code == 404


def test_filtering_players_by_a_draft_club_finds_nobody(client, drafts):
    content = client.get("/players/", {"club": drafts["club"].slug}).content.decode()
    assert "Jiří Pavlenka" not in content
