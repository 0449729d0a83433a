"""An editor works through a player changelist too long to count (issue 13): it says "more
than N players", pages on past the counted ones, and "Select all matching players" still
acts on every match, with the admin's own scripts."""

import re

import pytest
from django.contrib import admin
from playwright.sync_api import expect

from core.admin import CappedCountPaginator
from players.models import Player
from tests.browser.admin_login import log_in

pytestmark = pytest.mark.browser


def test_an_editor_selects_every_matching_player_of_an_uncounted_list(
    page, live_server, editor, monkeypatch, shoot
):
    # 5 a page and 25 counted on page 1, so 50 players are "more than 25".
    monkeypatch.setattr(admin.site._registry[Player], "list_per_page", 5)
    monkeypatch.setattr(admin.site._registry[Player], "list_max_show_all", 10)
    monkeypatch.setattr(CappedCountPaginator, "base_cap", 25)
    for i in range(50):
        Player.objects.create(full_name=f"Jürgen Müller {i:02d}")
    for i in range(3):
        Player.objects.create(full_name=f"Anton Zeh {i}")
    log_in(page, live_server, editor)

    page.goto(f"{live_server.url}/admin/players/player/?q=muller")
    expect(page.locator("#changelist-search")).to_contain_text("more than 25 results")
    expect(page.locator(".paginator")).to_contain_text("more than 25 players")
    page.locator(".paginator").get_by_role("button", name="4", exact=True).click()
    expect(page).to_have_url(re.compile(r"p=4"))
    expect(page.locator("#result_list tbody tr").first).to_contain_text("Jürgen Müller 15")
    expect(page.locator(".paginator")).to_contain_text("more than 40 players")
    expect(page.locator(".paginator .showall")).to_have_count(0)  # not for 50, nor 50,000
    shoot(page, "admin-player-changelist-capped")

    page.locator("#action-toggle").check()
    page.get_by_role("button", name="Select all matching players").click()
    expect(page.locator(".actions .all")).to_have_text("All matching players selected")
    page.locator("select[name=action]").select_option("delete_selected")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#content")).to_contain_text("Players: 50")
    page.get_by_role("button", name="Yes, I’m sure").click()
    expect(page.locator(".messagelist")).to_contain_text("Successfully deleted 50 players")
    assert list(Player.objects.values_list("full_name", flat=True)) == [
        f"Anton Zeh {i}" for i in range(3)
    ]
