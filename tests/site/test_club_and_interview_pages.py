"""Club and interview pages: what a reader sees, and a query count that stays flat."""

import datetime
import json
import re

import pytest
from django.core.cache import cache

from clubs.models import Club
from interviews.models import Interview, Mention, PhotoCredit, Turn
from players.models import Player, Spell
from tests.helpers import get_counting_queries, html


def test_the_club_page_shows_facts_squad_and_reserve_side(client, backhaus):
    content = html(client.get("/clubs/werder-bremen/"))
    assert '<h1 id="club-name">Werder Bremen</h1>' in content
    assert "SVW" in content  # alternative name
    assert "Germany" in content
    squad = content[content.index('id="squad-title"') :]
    assert 'href="/players/mio-backhaus/"' in squad
    assert 'href="/clubs/werder-bremen-ii/">Werder Bremen II</a>' in content
    reserve = html(client.get("/clubs/werder-bremen-ii/"))
    assert 'Part of</dt><dd><a href="/clubs/werder-bremen/">Werder Bremen</a>' in reserve


def test_loans_running_today_show_on_both_clubs(client, backhaus):
    bremen = Club.objects.get(slug="werder-bremen")
    volendam = Club.objects.get(slug="fc-volendam")
    loanee = Player.objects.create(full_name="Keke Topp", current_club=bremen)
    Spell.objects.create(
        player=loanee,
        club=volendam,
        kind="loan",
        owner_club=bremen,
        start=datetime.date(2020, 7, 1),
    )
    ended = Player.objects.create(full_name="Old Loanee", current_club=bremen)
    Spell.objects.create(
        player=ended,
        club=volendam,
        kind="loan",
        owner_club=bremen,
        start=datetime.date(2019, 7, 1),
        end=datetime.date(2020, 6, 30),
    )
    bremen_page = html(client.get("/clubs/werder-bremen/"))
    out = bremen_page[bremen_page.index('id="out-title"') :]
    assert "Keke Topp" in out
    assert "at FC Volendam" in out
    assert "Old Loanee" not in out
    volendam_page = html(client.get("/clubs/fc-volendam/"))
    loaned_in = volendam_page[volendam_page.index('id="in-title"') :]
    assert "Keke Topp" in loaned_in
    assert "from Werder Bremen" in loaned_in
    # Mio's loan at Volendam ended: a former player there
    former = volendam_page[volendam_page.index('id="former-title"') :]
    assert "Mio Backhaus" in former


def test_a_draft_club_is_not_found(client, backhaus):
    Club.objects.filter(slug="fc-volendam").update(status="draft")
    assert client.get("/clubs/fc-volendam/").status_code == 404
    assert client.get("/clubs/no-such-club/").status_code == 404


def test_club_queries_stay_flat(client, backhaus):
    bremen = Club.objects.get(slug="werder-bremen")
    client.get("/clubs/werder-bremen/")
    small, _ = get_counting_queries(client, "/clubs/werder-bremen/")
    for n in range(15):
        player = Player.objects.create(full_name=f"Squad {n}", current_club=bremen)
        Spell.objects.create(player=player, club=bremen)
        gone = Player.objects.create(full_name=f"Former {n}")
        Spell.objects.create(player=gone, club=bremen)
        Spell.objects.create(
            player=gone, club=Club.objects.get(slug="fc-volendam"), kind="loan", owner_club=bremen
        )
        Club.objects.create(name=f"Werder Bremen U{n}", parent=bremen)
    large, content = get_counting_queries(client, "/clubs/werder-bremen/")
    assert "Squad 14" in content
    assert "Former 14" in content
    assert "Werder Bremen U14" in content
    assert len(large) == len(small)


def german(backhaus) -> Interview:
    return backhaus.interviews.get(language="de")


def test_the_german_interview_carries_its_language_and_byline(client, backhaus):
    content = html(client.get(german(backhaus).get_absolute_url()))
    assert '<div class="interview-body prose" lang="de">' in content
    assert "By Niclas Löwendorf" in content
    assert 'datetime="2025-12-14T13:31:00+01:00"' in content
    assert '<h2 class="subheading">„Mein Papa war schon immer Werder-Fan“</h2>' in content
    assert '<span class="speaker">SPORT1:</span>' in content
    assert '<div class="turn answer"><p><span class="speaker">Mio Backhaus:</span>' in content
    mentions = content[content.index('id="mentions-title"') :]
    assert 'href="/players/mio-backhaus/"' in mentions
    assert 'href="/clubs/borussia-monchengladbach/"' in mentions
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["@type"] == "Article"
    assert data["inLanguage"] == "de"
    assert data["author"]["name"] == "Niclas Löwendorf"


def test_an_undated_interview_says_date_unknown_and_credits_photos(client, backhaus):
    english = backhaus.interviews.get(language="en")
    content = html(client.get(english.get_absolute_url()))
    assert "date unknown" in content
    assert '<div class="interview-body prose" lang="en">' in content
    assert "IMAGO/kolbert-press/Burghard Schreyer" in content


def test_interview_text_is_shown_as_text(client, backhaus):
    interview = german(backhaus)
    Turn.objects.create(
        interview=interview, order=99, kind="answer", text="<img src=x onerror=alert(1)>"
    )
    interview.save()
    content = html(client.get(interview.get_absolute_url()))
    assert "<img src=x" not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


def test_draft_interviews_are_hidden(client, backhaus):
    interview = german(backhaus)
    interview.status = "draft"
    interview.save()
    assert client.get(interview.get_absolute_url()).status_code == 404
    assert interview.title not in html(client.get("/interviews/"))
    assert interview.title not in html(client.get("/players/mio-backhaus/"))


def test_interview_queries_stay_flat(client, backhaus):
    interview = german(backhaus)
    url = interview.get_absolute_url()
    client.get(url)
    small, _ = get_counting_queries(client, url)
    for n in range(30):
        Turn.objects.create(interview=interview, order=100 + n, kind="question", text=f"Q{n}?")
        PhotoCredit.objects.create(interview=interview, caption=f"Caption {n}", credit="IMAGO")
        club = Club.objects.create(name=f"Mentioned {n}")
        Mention.objects.create(interview=interview, club=club, name=club.name)
    large, content = get_counting_queries(client, url)
    assert "Mentioned 29" in content
    assert "Caption 29" in content
    assert len(large) == len(small)


@pytest.mark.parametrize("url", ["/", "/players/", "/clubs/", "/interviews/", "/search/?q=werder"])
def test_lists_stay_flat(client, backhaus, url):
    Player.objects.create(full_name="Werder Fan", current_club=backhaus.current_club)
    client.get(url)
    cache.clear()  # both counts cold: the players list caches its filter choices
    small, _ = get_counting_queries(client, url)
    bremen = Club.objects.get(slug="werder-bremen")
    for n in range(12):
        player = Player.objects.create(full_name=f"Werder Player {n}", current_club=bremen)
        player.nationalities.add(*backhaus.nationalities.all())
        interview = Interview.objects.create(title=f"Werder talk {n}")
        interview.players.add(player)
        Club.objects.create(name=f"Werder Club {n}")
    cache.clear()
    large, _ = get_counting_queries(client, url)
    assert len(large) == len(small)
