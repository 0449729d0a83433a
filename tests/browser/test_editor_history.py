"""An editor changes a loan in the admin, finds the change on the player's history and
reverts it from there; the admin's scripts (sortable sections, autocomplete) run under
the site's Content Security Policy."""

import re

import pytest
from playwright.sync_api import expect

from players.models import Player, Spell
from tests.browser.admin_login import log_in

pytestmark = pytest.mark.browser


def test_an_editor_changes_a_loan_end_and_reverts_it_from_the_players_history(
    page, live_server, seeds, editor, shoot
):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    player = Player.objects.get(slug="mio-backhaus")
    loan = player.spells.get(kind=Spell.Kind.LOAN)
    log_in(page, live_server, editor)

    page.goto(f"{live_server.url}/admin/players/player/{player.pk}/change/")
    statistics = page.locator("#season_statistics-group")
    expect(statistics.locator("thead th.column-league_apps")).to_be_visible()
    shoot(page, "admin-player-change")
    loans = page.locator("fieldset", has=page.get_by_role("heading", name="Loans"))
    end = loans.locator('input[name$="-end"]').first
    shown_end = end.input_value()
    assert shown_end  # the loan's end as the editor reads it: '2024' or 'June 2024'
    end.fill("2026")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    loan.refresh_from_db()
    assert (loan.end.year, loan.end_precision) == (2026, "year")

    page.goto(f"{live_server.url}/admin/players/player/{player.pk}/change/")
    page.get_by_role("link", name="History").click()
    expect(page).to_have_url(re.compile(rf"/admin/players/player/{player.pk}/history/"))
    newest = page.locator("#change-history tbody tr").first
    expect(newest).to_contain_text("Spell: Mio Backhaus at FC Volendam (Loan)")
    expect(newest.locator(".history-field")).to_have_text("Until")
    expect(newest.locator(".history-after")).to_have_text("2026")
    shoot(page, "admin-player-history")

    newest.get_by_role("button", name="Revert").click()
    expect(page.locator(".messagelist")).to_contain_text("was reverted")
    loan.refresh_from_db()
    assert loan.end.year != 2026
    page.goto(f"{live_server.url}/admin/players/player/{player.pk}/change/")
    loans = page.locator("fieldset", has=page.get_by_role("heading", name="Loans"))
    expect(loans.locator('input[name$="-end"]').first).to_have_value(shown_end)
    assert refused == []


def test_the_club_filter_searches_clubs_as_the_editor_types(page, live_server, seeds, editor):
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/players/player/")
    chooser = page.locator("#changelist-filter .select2-selection")
    chooser.click()
    page.locator(".select2-search__field").fill("volen")
    page.locator(".select2-results__option", has_text="FC Volendam").click()
    page.locator("#changelist-filter").get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"current_club__id__exact=\d+"))


def test_an_editor_moves_a_biography_section_to_the_end(page, live_server, seeds, editor):
    player = Player.objects.get(slug="mio-backhaus")
    headings = list(player.sections.values_list("heading", flat=True))
    assert len(headings) >= 2
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/players/player/{player.pk}/change/")
    first = page.locator(".inline-related.has_original", has_text=headings[0]).first
    first.get_by_role("button", name="Move to last position").click()
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(player.sections.values_list("heading", flat=True)) == [*headings[1:], headings[0]]
