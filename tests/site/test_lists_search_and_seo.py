"""Lists, search, German under /de/, and what search engines and feed readers get."""

import re
import xml.etree.ElementTree as ET

import pytest

from clubs.models import Club, Country
from interviews.models import Interview
from players.models import Player, PlayerName
from tests.helpers import html, sitemap_urls


def static_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    try:
        return b"".join(response.streaming_content).decode()
    finally:
        response.close()


@pytest.fixture
def pavlenka(backhaus):
    player = Player.objects.create(
        full_name="Jiří Pavlenka",
        position="goalkeeper",
        current_club=Club.objects.get(slug="borussia-monchengladbach"),
    )
    player.nationalities.add(Country.objects.create(code="CZ", name="Czechia", demonym="Czech"))
    return player


def test_players_filter_by_position_club_and_nationality(client, backhaus, pavlenka):
    defender = Player.objects.create(full_name="Niklas Stark", position="defender")
    everyone = html(client.get("/players/"))
    assert "Mio Backhaus" in everyone
    assert "Niklas Stark" in everyone
    goalkeepers = html(client.get("/players/?position=goalkeeper"))
    assert "Jiří Pavlenka" in goalkeepers
    assert defender.full_name not in goalkeepers
    bremen = html(client.get("/players/?club=werder-bremen"))
    assert "Mio Backhaus" in bremen
    assert "Jiří Pavlenka" not in bremen
    czech = html(client.get("/players/?nationality=CZ"))
    assert "Jiří Pavlenka" in czech
    assert "Mio Backhaus" not in czech
    assert '<option value="CZ" selected>' in czech


def test_the_player_list_is_paginated_and_keeps_its_filters(client, backhaus):
    for n in range(30):
        Player.objects.create(full_name=f"Keeper {n:02}", position="goalkeeper")
    first = html(client.get("/players/?position=goalkeeper"))
    assert "Page 1 of 2" in first
    assert 'href="?position=goalkeeper&amp;page=2"' in first
    second = html(client.get("/players/?position=goalkeeper&page=2"))
    assert "Page 2 of 2" in second
    assert '<meta name="robots" content="noindex, follow">' in second


def test_interviews_are_listed_newest_first(client, backhaus):
    content = html(client.get("/interviews/"))
    dated = Interview.objects.get(language="de")
    undated = Interview.objects.get(language="en")
    assert content.index(dated.title) < content.index(undated.title)


def test_clubs_are_listed(client, backhaus):
    content = html(client.get("/clubs/"))
    assert "Werder Bremen II" in content
    assert "part of Werder Bremen" in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("monchengladbach", "Borussia Mönchengladbach"),
        ("jiri", "Jiří Pavlenka"),
        ("JIŘÍ pavl", "Jiří Pavlenka"),
        ("nagata", "Mio Backhaus"),
        ("lowendorf", "Werder-Keeper Mio Backhaus im Interview"),
    ],
)
def test_search_finds_any_name_without_accents(client, pavlenka, query, expected):
    content = html(client.get("/search/", {"q": query}))
    assert expected in content


def test_search_finds_a_player_by_place_of_birth(client, backhaus):
    content = html(client.get("/search/", {"q": "monchengladbach"}))
    players = content[content.index('id="r-players"') :]
    assert "Mio Backhaus" in players
    assert "Born in Mönchengladbach" in players


def test_search_hides_drafts_and_escapes_the_query(client, backhaus):
    PlayerName.objects.create(player=backhaus, name="Keeper")
    backhaus.status = "draft"
    backhaus.save()
    assert "Mio Backhaus" not in html(client.get("/search/", {"q": "nagata"}))
    content = html(client.get("/search/", {"q": "<script>x</script>"}))
    assert "<script>x</script>" not in content
    assert "0 results" in content


def test_german_lives_under_de_with_a_switcher(client, backhaus):
    content = html(client.get("/de/players/mio-backhaus/"))
    assert '<html lang="de">' in content
    assert "Karrierestatistik" in content
    assert "Torwart" in content
    assert '<link rel="canonical" href="http://127.0.0.1:8000/de/players/mio-backhaus/">' in content
    english = html(client.get("/players/mio-backhaus/"))
    assert '<a href="/de/players/mio-backhaus/" lang="de" hreflang="de">Deutsch</a>' in english
    assert '<a href="/players/mio-backhaus/" lang="en" hreflang="en">English</a>' in content
    # The switcher's old form posted here: bookmarked or cached pages still work.
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/players/mio-backhaus/"})
    assert response.status_code == 302
    assert response["Location"] == "/de/players/mio-backhaus/"


def test_the_sitemap_lists_published_pages_in_both_languages(client, backhaus):
    Player.objects.create(full_name="Hidden Draft", status="draft")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {url.findtext("s:loc", namespaces=ns) for url in sitemap_urls(client)}
    assert "http://127.0.0.1:8000/players/mio-backhaus/" in locations
    assert "http://127.0.0.1:8000/de/players/mio-backhaus/" in locations
    assert "http://127.0.0.1:8000/clubs/werder-bremen/" in locations
    assert not any("hidden-draft" in loc for loc in locations)


def test_the_sitemap_index_and_its_sections_are_not_themselves_indexed(client, backhaus):
    for url in ["/sitemap.xml", "/sitemap-players.xml"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "noindex" in response["X-Robots-Tag"]


def test_the_atom_feed_lists_interviews_with_escaped_text(client, backhaus):
    interview = Interview.objects.get(language="de")
    interview.standfirst = "<script>alert(1)</script>"
    interview.save()
    response = client.get("/feeds/interviews/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.text for e in root.findall("a:entry/a:title", ns)]
    assert titles[0] == interview.title
    summary = root.findtext("a:entry/a:summary", namespaces=ns)
    assert summary == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


@pytest.mark.parametrize(
    "url", ["/", "/players/", "/players/mio-backhaus/", "/clubs/werder-bremen/", "/interviews/"]
)
def test_every_asset_is_served_by_the_site_itself(client, backhaus, url):
    content = html(client.get(url))
    for attribute in re.findall(r'(?:src|href)="([^"]+)"', content):
        external = attribute.startswith(("http:", "https:", "//"))
        assert not external or attribute.startswith("http://127.0.0.1:8000/"), attribute
    assert "fonts.googleapis" not in content
    assert "@import" not in static_text(client, "/static/css/site.css")


def test_pages_have_landmarks_a_skip_link_and_headers_with_scope(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    assert '<a class="skip-link" href="#main">' in content
    assert '<main id="main"' in content
    assert "<header" in content
    assert "<footer" in content
    assert '<nav aria-label="Main">' in content
    assert re.search(r"<th(?=[\s>])(?![^>]*scope)[^>]*>", content) is None
    assert ":focus-visible" in static_text(client, "/static/css/site.css")


def test_the_home_page_shows_what_the_site_holds(client, backhaus):
    content = html(client.get("/"))
    assert "<strong>5</strong> clubs" in content
    assert "<strong>1</strong> player<" in content
    assert "Recent interviews" in content
    assert "Mio Backhaus" in content
    assert "Featured players" in content


def test_a_304_for_every_page_kind(client, backhaus):
    for url in ["/", "/players/", "/clubs/werder-bremen/", "/interviews/", "/search/?q=mio"]:
        first = client.get(url)
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url
