"""A reader, a fan on a phone and an editor on the real pages, after importing the seeds."""

import re

import pytest
from playwright.sync_api import expect

from players.models import Player
from tests.browser.admin_login import log_in

pytestmark = pytest.mark.browser


def open_player(page, live_server):
    page.goto(f"{live_server.url}/players/mio-backhaus/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mio Backhaus")


def test_the_player_page_shows_the_loan_season_and_the_career_total(
    page, live_server, seeds, shoot
):
    open_player(page, live_server)
    expect(page.locator(".also-known")).to_contain_text("Mio Nagata")
    table = page.locator("table.stats")
    loan_block = table.locator("tbody.loan")
    expect(loan_block.locator("th.club-cell")).to_contain_text("FC Volendam")
    expect(loan_block.locator("th.club-cell")).to_contain_text("from Werder Bremen")
    expect(loan_block.locator("th.season").first).to_have_text("2023–24")
    expect(page.get_by_test_id("career-total-apps")).to_have_text("71")
    expect(page.locator("svg.timeline-svg title").first).to_contain_text("Career timeline")
    shoot(page, "player")


def test_the_club_page_lists_the_squad_and_the_reserve_side(page, live_server, seeds, shoot):
    open_player(page, live_server)
    page.locator(".facts").get_by_role("link", name="Werder Bremen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werder Bremen")
    squad = page.locator("section", has=page.get_by_role("heading", name="Current players"))
    expect(squad.get_by_role("link", name="Mio Backhaus")).to_be_visible()
    expect(page.get_by_role("link", name="Werder Bremen II")).to_be_visible()
    shoot(page, "club")


def test_both_interviews_read_in_their_own_language(page, live_server, seeds, shoot):
    open_player(page, live_server)
    links = page.locator("#interviews .card-title")
    expect(links).to_have_count(2)
    hrefs = [links.nth(i).get_attribute("href") for i in range(2)]
    languages = set()
    for href in hrefs:
        page.goto(f"{live_server.url}{href}")
        body = page.locator(".interview-body")
        language = body.get_attribute("lang")
        languages.add(language)
        expect(body.locator(".turn.answer").first).to_be_visible()
        expect(page.locator(".byline")).to_be_visible()
        shoot(page, f"interview-{language}")
    assert languages == {"en", "de"}
    page.goto(f"{live_server.url}/interviews/")
    expect(page.locator('.interview-list a[lang="de"]')).to_have_count(1)
    shoot(page, "interview-list")


def test_search_finds_monchengladbach_without_the_umlaut(page, live_server, seeds, shoot):
    page.goto(f"{live_server.url}/")
    shoot(page, "home")
    page.get_by_role("searchbox", name="Search players, clubs and interviews").fill(
        "monchengladbach"
    )
    page.get_by_role("searchbox", name="Search players, clubs and interviews").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("monchengladbach")
    result = page.locator("#r-players + .cards")
    expect(result.get_by_role("link", name="Mio Backhaus")).to_be_visible()
    expect(result).to_contain_text("Mönchengladbach")
    shoot(page, "search")


def test_a_reader_switches_to_german(page, live_server, seeds, shoot):
    open_player(page, live_server)
    page.locator('.language-switcher a[hreflang="de"]').click()
    expect(page).to_have_url(re.compile(r"/de/players/mio-backhaus/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("navigation", name="Hauptmenü")).to_contain_text("Spieler")
    expect(page.get_by_role("heading", name="Karrierestatistik")).to_be_visible()
    shoot(page, "player-de")


def test_an_editor_changes_the_position_in_the_admin_and_the_page_shows_it(
    page, live_server, seeds, editor, shoot
):
    player = Player.objects.get(slug="mio-backhaus")
    log_in(page, live_server, editor)

    page.goto(f"{live_server.url}/players/mio-backhaus/")
    page.get_by_role("link", name="Edit in admin").click()
    expect(page).to_have_url(re.compile(rf"/admin/players/player/{player.pk}/change/"))
    page.locator("select#id_position").select_option("defender")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}/players/mio-backhaus/")
    expect(page.locator(".facts .position")).to_have_text("Defender")
    shoot(page, "player-after-edit")


def test_on_a_phone_the_statistics_table_scrolls_inside_its_box(page, live_server, seeds, shoot):
    page.set_viewport_size({"width": 375, "height": 800})
    open_player(page, live_server)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = page.locator("#statistics .career-box")
    expect(box).to_be_visible()
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    assert box.evaluate("el => getComputedStyle(el).overflowX") == "auto"
    shoot(page, "player-375")
    page.goto(f"{live_server.url}/clubs/werder-bremen/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shoot(page, "club-375")
