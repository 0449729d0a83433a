"""A reader who switches between English and German, and what each language shows."""

import re

import pytest

from interviews.models import Interview, Outlet
from players.models import Player
from tests.helpers import html

pytestmark = pytest.mark.django_db


def page_paths(player: Player) -> list[str]:
    interview = Interview.objects.get(language="de")
    return [
        "/",
        "/players/?position=goalkeeper",
        f"/players/{player.slug}/",
        "/clubs/",
        "/clubs/werder-bremen/",
        "/interviews/",
        f"/interviews/{interview.slug}/",
        "/search/?q=nagata",
    ]


def switch(client, language: str, next_url: str) -> str:
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    return response["Location"]


def test_the_switcher_goes_both_ways_and_keeps_the_page_on_every_page_type(client, backhaus):
    for path in page_paths(backhaus):
        assert client.get(path).status_code == 200, path
        german = switch(client, "de", path)
        assert german == f"/de{path}", path
        assert '<html lang="de">' in html(client.get(german))
        english = switch(client, "en", german)
        assert english == path, german
        assert '<html lang="en">' in html(client.get(english))


def test_the_switcher_sends_a_stranger_home_rather_than_off_site(client, backhaus):
    assert switch(client, "en", "https://evil.example/de/") == "/"


def test_a_german_profile_names_countries_teams_and_positions_in_german(client, backhaus):
    content = html(client.get("/de/players/mio-backhaus/"))
    assert "Torwart" in content
    assert "Mönchengladbach, Deutschland" in content  # place of birth with its country
    assert "Deutschland U19" in content  # the national team
    assert "Japan U15" in content
    assert "gegen Tschechien U20" in content  # the opponent the source named in English
    assert "in der Startelf, zu null gespielt" in content  # the importer's match note
    for english in ("Germany", "Czechia", "clean sheet", "started"):
        assert english not in visible_text(content), english


def test_the_english_profile_keeps_the_english_names_and_shows_flags(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    assert "Germany U19" in content
    assert "started, clean sheet" in content
    assert '<span class="flag" aria-hidden="true">🇩🇪</span> Germany' in content


def test_english_biography_text_on_a_german_page_is_marked_english(client, backhaus):
    content = html(client.get("/de/players/mio-backhaus/"))
    biography = content[content.index('id="biography"') :]
    assert re.search(r'<div class="biography-text" lang="en">', biography)


def test_a_title_the_importer_made_up_reads_in_the_interviews_own_language(client, backhaus):
    interview = Interview.objects.get(language="de")
    interview.title = "Mio Backhaus – SPORT1 interview"
    interview.outlet, _ = Outlet.objects.get_or_create(name="SPORT1")
    interview.save()
    for prefix in ("", "/de"):
        content = html(client.get(f"{prefix}/interviews/{interview.slug}/"))
        assert '<h1 id="interview-title">Mio Backhaus im SPORT1-Interview</h1>' in content
        assert "SPORT1 interview" not in content


def test_the_interview_byline_names_the_language_in_the_readers_language(client, backhaus):
    interview = Interview.objects.get(language="en")
    content = html(client.get(f"/de/interviews/{interview.slug}/"))
    assert "Sprache: Englisch" in content


def test_sources_are_named_for_readers_never_by_file_name(client, backhaus):
    content = html(client.get("/de/players/mio-backhaus/"))
    assert "Biografie, importiert am " in content
    assert ".txt" not in content


def test_the_german_feed_is_german_and_each_entry_carries_its_language(client, backhaus):
    response = client.get("/de/feeds/interviews/")
    assert response.status_code == 200
    feed = response.content.decode()
    assert '<feed xml:lang="de" xmlns="http://www.w3.org/2005/Atom">' in feed
    assert "<title>Kader: Interviews</title>" in feed
    assert '<link href="http://127.0.0.1:8000/de/interviews/" rel="alternate"/>' in feed
    assert '<entry xml:lang="de">' in feed
    assert '<entry xml:lang="en">' in feed
    english = client.get("/feeds/interviews/").content.decode()
    assert 'xml:lang="en">' in english
    assert '<entry xml:lang="de">' in english


def test_the_favicon_answers_where_browsers_look(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_pages_send_last_modified_and_answer_if_modified_since(client, backhaus):
    response = client.get("/players/mio-backhaus/")
    assert response.has_header("ETag")
    last_modified = response["Last-Modified"]
    assert last_modified.endswith(" GMT")
    again = client.get("/players/mio-backhaus/", headers={"If-Modified-Since": last_modified})
    assert again.status_code == 304


def test_open_graph_has_the_sites_own_image_when_the_record_has_none(client, backhaus):
    content = html(client.get("/players/mio-backhaus/"))
    assert (
        '<meta property="og:image" content="http://127.0.0.1:8000/static/img/og-default.png">'
        in content
    )
    home = html(client.get("/de/"))
    assert '<meta property="og:image" content="http://127.0.0.1:8000/static/' in home


def test_a_profile_has_breadcrumbs_home_section_and_the_player(client, backhaus):
    content = html(client.get("/de/players/mio-backhaus/"))
    start = content.index('<nav class="breadcrumbs')
    crumbs = content[start : content.index("</nav>", start)]
    assert '<a itemprop="item" href="/de/"><span itemprop="name">Startseite</span></a>' in crumbs
    assert '<a itemprop="item" href="/de/players/"><span itemprop="name">Spieler</span>' in crumbs
    assert '<span itemprop="name">Mio Backhaus</span>' in crumbs


def visible_text(content: str) -> str:
    """The page's text without tags, scripts and attribute values."""
    body = content[content.index("<body") :]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    body = re.sub(r"<title>.*?</title>", " ", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def test_a_position_detail_is_german_when_known_and_marked_english_when_not(client, backhaus):
    backhaus.position_detail = "striker"
    backhaus.save()
    assert '<dd class="position">Torwart (Stürmer)</dd>' in html(client.get(PROFILE_DE))
    backhaus.position_detail = "sweeper-keeper"
    backhaus.save()
    content = html(client.get(PROFILE_DE))
    assert '<dd class="position">Torwart (<span lang="en">sweeper-keeper</span>)</dd>' in content
    english = html(client.get("/players/mio-backhaus/"))
    assert '<dd class="position">Goalkeeper (sweeper-keeper)</dd>' in english


def test_german_pages_point_to_the_german_feed(client, backhaus):
    content = html(client.get("/de/interviews/"))
    assert 'href="/de/feeds/interviews/" hreflang="de"' in content


PROFILE_DE = "/de/players/mio-backhaus/"
