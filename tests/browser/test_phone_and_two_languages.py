"""A fan on a phone, in English and German, after importing the seeds."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from interviews.models import Interview

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

PAGE_TYPES = {
    "home": "/",
    "players": "/players/",
    "player": "/players/mio-backhaus/",
    "clubs": "/clubs/",
    "club": "/clubs/werder-bremen/",
    "interviews": "/interviews/",
    "search": "/search/?q=mio",
}


def wider_than_the_screen(page) -> list[str]:
    """Elements reaching past the right edge, apart from those inside a scrolling box."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 0.5)
                .filter(el => !el.closest('.table-scroll'))
                .map(el => `${el.tagName.toLowerCase()}.${el.className} ` +
                           `${Math.round(el.getBoundingClientRect().right)}px`);
        }"""
    )


def switch_to(page, language: str) -> None:
    page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def test_a_reader_switches_english_german_english_and_stays_on_the_page(
    page, live_server, seeds, shoot
):
    interview = Interview.objects.get(language="de")
    for name, path in {
        "player": "/players/mio-backhaus/",
        "interview": f"/interviews/{interview.slug}/",
        "search": "/search/?q=mio",
    }.items():
        page.goto(f"{live_server.url}{path}")
        switch_to(page, "de")
        expect(page).to_have_url(f"{live_server.url}/de{path}")
        expect(page.get_by_role("navigation", name="Hauptmenü")).to_contain_text("Spieler")
        shoot(page, f"switch-{name}-de")
        switch_to(page, "en")
        expect(page).to_have_url(f"{live_server.url}{path}")
        expect(page.get_by_role("navigation", name="Main")).to_contain_text("Players")


@pytest.mark.parametrize("width", [375, 320])
def test_on_a_phone_no_page_is_wider_than_the_screen(page, live_server, seeds, shoot, width):
    page.set_viewport_size({"width": width, "height": 800})
    for prefix in ("", "/de"):
        for name, path in PAGE_TYPES.items():
            page.goto(f"{live_server.url}{prefix}{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            assert wider_than_the_screen(page) == [], f"{prefix}{path}"
            if width == 375:
                shoot(page, f"phone-{name}{prefix.replace('/', '-')}-{width}")


def test_on_a_phone_the_club_column_stays_while_the_statistics_scroll(
    page, live_server, seeds, shoot
):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/players/mio-backhaus/")
    expect(page.locator("#statistics .scroll-hint")).to_be_visible()
    box = page.locator("#statistics .career-box")
    club = box.locator("th.club-cell").first
    season = box.locator("th.season").first
    club_x, season_x = club.bounding_box()["x"], season.bounding_box()["x"]
    box.evaluate("el => el.scrollBy(400, 0)")
    page.wait_for_function("() => document.querySelector('#statistics .career-box').scrollLeft > 0")
    assert club.bounding_box()["x"] == pytest.approx(club_x, abs=1)
    assert season.bounding_box()["x"] == pytest.approx(season_x, abs=1)
    expect(club).to_contain_text("Werder Bremen")
    expect(season).to_have_text("2021–22")
    # after scrolling, the totals are on screen beside the club
    total = page.get_by_test_id("career-total-apps")
    assert total.bounding_box()["x"] + total.bounding_box()["width"] <= 375
    box.screenshot(path=str(SCREENSHOTS / "phone-statistics-scrolled.png"))


@pytest.mark.parametrize("width", [375, 320])
def test_on_a_phone_the_timeline_text_is_at_least_11_px_and_nothing_is_clipped(
    page, live_server, seeds, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/players/mio-backhaus/")
    figure = page.locator("figure.timeline-narrow")
    expect(figure).to_be_visible()
    expect(page.locator("figure.timeline:not(.timeline-narrow)")).to_be_hidden()
    sizes = figure.locator("text").evaluate_all(
        """texts => texts.filter(t => t.getBBox().width > 0).map(t => {
            const svg = t.ownerSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(t).fontSize) * scale;
        })"""
    )
    assert sizes
    assert min(sizes) >= 11, sizes
    svg = figure.locator("svg").bounding_box()
    assert svg["x"] >= 0
    assert svg["x"] + svg["width"] <= width
    outside = figure.locator("text").evaluate_all(
        """texts => texts.filter(t => {
            const box = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
            return box.width > 0 && (box.left < svg.left - 0.5 || box.right > svg.right + 0.5);
        }).map(t => t.textContent)"""
    )
    assert outside == []
    figure.screenshot(path=str(SCREENSHOTS / f"phone-timeline-{width}.png"))


def test_on_a_phone_the_international_table_shows_teams_and_the_shared_note(
    page, live_server, seeds
):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/de/players/mio-backhaus/")
    section = page.locator("#international")
    expect(section.locator("tbody th").first).to_contain_text("Deutschland U15")
    expect(section.locator(".table-notes li")).to_have_count(1)
    expect(section.locator(".table-notes")).to_contain_text("12 Länderspiele seit 2019")
    dashes = section.locator("td").evaluate_all(
        "cells => cells.filter(c => c.textContent.trim() === '—').length"
    )
    assert dashes == 0  # unknown is blank; a cap record means the player took part
    section.screenshot(path=str(SCREENSHOTS / "phone-international-de.png"))


def test_the_german_profile_shows_no_english_interface_word(page, live_server, seeds):
    page.goto(f"{live_server.url}/de/players/mio-backhaus/")
    # Text in English from the source carries lang="en" and is not interface text.
    text = page.evaluate(
        """() => {
            const clone = document.body.cloneNode(true);
            clone.querySelectorAll('[lang]:not([lang="de"]), script, svg title')
                 .forEach(el => el.remove());
            return clone.innerText;
        }"""
    )
    english = [
        "Players", "Clubs", "Search", "Language", "Position", "Current club", "Nationality",
        "Place of birth", "Career statistics", "Career total", "Club history", "Youth",
        "Senior", "International career", "Team", "Years", "Notes", "Source", "Biography",
        "imported", "loan", "Germany", "clean sheet", "started", "caps", "in total for",
        "Apps per season", "appearances", "goals", "contract until",
    ]  # fmt: skip
    found = [word for word in english if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == []
