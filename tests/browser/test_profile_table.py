"""The profile in a browser: the career table sorts by a column and keeps every club's
seasons under its spanning club cell, at a desktop and a phone width; dark mode; the
interview cards. Screenshots go to /tmp/shots/ to be looked at."""

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

SHOTS = Path(tempfile.gettempdir()) / "shots"  # /tmp/shots
PROFILE = "/players/mio-backhaus/"

# Every club group as the reader sees it: its club cell's span, its rows, the number in
# the group's total row under the sorted column (index among the apps/goals headers).
GROUPS = """(index) => [...document.querySelectorAll('table.stats tbody.club-block')].map(g => {
    const club = g.querySelector('th.club-cell');
    const total = g.querySelector('tr.subtotal').querySelectorAll('td')[index];
    const digits = total.textContent.replace(/[^0-9]/g, '');
    return {
        club: club.textContent.trim(),
        span: club.rowSpan,
        rows: g.rows.length,
        clubCellInFirstRow: g.rows[0].contains(club),
        total: digits === '' ? null : Number(digits),
    };
})"""


def shot(page, name: str, locator=None) -> None:
    SHOTS.mkdir(exist_ok=True)
    if locator is None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    else:
        locator.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def errors(page):
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    return found


@pytest.mark.parametrize("width", [1280, 375])
def test_sorting_by_league_apps_keeps_each_club_group_whole(
    page, live_server, seeds, errors, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + PROFILE)
    table = page.locator("table.stats")
    before = page.evaluate(GROUPS, 0)
    assert len(before) >= 2
    season = table.locator("thead th", has_text="Season").first
    expect(season).to_have_attribute("aria-sort", "ascending")  # career order, as sent

    league_apps = table.get_by_role("button", name="League Apps")
    league_apps.click()
    header = table.locator("thead tr").nth(1).locator("th").nth(1)
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(season).not_to_have_attribute("aria-sort", "ascending")
    after = page.evaluate(GROUPS, 0)
    assert sorted(g["club"] for g in after) == sorted(g["club"] for g in before)
    for group in after:
        assert group["clubCellInFirstRow"], group
        assert group["span"] == group["rows"], group
    known = [g["total"] for g in after if g["total"] is not None]
    assert known == sorted(known, reverse=True)
    assert [g["total"] for g in after][len(known) :] == [None] * (len(after) - len(known))
    shot(page, f"profile-table-sorted-{width}", page.locator("#statistics"))

    league_apps.click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    ascending = [g["total"] for g in page.evaluate(GROUPS, 0) if g["total"] is not None]
    assert ascending == sorted(ascending)

    table.get_by_role("button", name="Season").click()
    assert [g["club"] for g in page.evaluate(GROUPS, 0)] == [g["club"] for g in before]
    assert errors == []


def test_the_table_without_script_has_no_sort_buttons(chromium_context, live_server, seeds):
    tab = chromium_context.new_page()
    try:
        tab.route("**/career-table*.js", lambda route: route.abort())
        tab.goto(live_server.url + PROFILE)
        expect(tab.locator("table.stats thead button")).to_have_count(0)
        expect(tab.locator("table.stats tbody.club-block").first).to_be_visible()
    finally:
        tab.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_profile_on_a_phone_in_light_and_dark(page, live_server, seeds, errors, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + PROFILE)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    ink = page.evaluate("getComputedStyle(document.body).color")
    dark = scheme == "dark"
    assert (background == "rgb(251, 252, 251)") != dark  # --bg of the light scheme
    assert (brightness(ink) > brightness(background)) == dark
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    shot(page, f"profile-375-{scheme}")
    assert errors == []


def brightness(css: str) -> float:
    red, green, blue = (int(part) for part in css[css.index("(") + 1 : -1].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_interviews_are_cards_with_photo_outlet_and_date(page, live_server, seeds, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + PROFILE)
    cards = page.locator("#interviews .interview-card")
    assert cards.count() >= 1
    for n in range(cards.count()):
        card = cards.nth(n)
        expect(card.locator(".avatar")).to_be_visible()
        expect(card.locator(".card-title")).to_be_visible()
        # a date, or "date unknown" for an interview whose document prints none
        expect(card.locator(".card-meta time, .card-meta .date-unknown")).not_to_be_empty()
    expect(page.locator("#interviews .interview-card .outlet").first).not_to_be_empty()
    shot(page, f"profile-interview-cards-{scheme}", page.locator("#interviews"))
    page.goto(live_server.url + "/interviews/")
    listed = page.locator(".interview-list .interview-card")
    assert listed.count() >= 1
    expect(listed.first.locator(".avatar")).to_be_visible()
    shot(page, f"interview-list-{scheme}")
