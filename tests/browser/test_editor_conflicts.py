"""Two documents disagree about one season's league appearances: the current value stays,
and an editor settles the conflict in the admin with one click."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from players.models import SeasonStatistics
from sources.models import Conflict
from tests.browser.admin_login import log_in

pytestmark = pytest.mark.browser

SEED_BIOGRAPHY = "seeds/000_2593bb3e1f49e045.txt"
ROW = "| 2025–26 | 22 | 0 | 0 | 0 | — | — | 22 | 0 |"


def season() -> SeasonStatistics:
    return SeasonStatistics.objects.get(player__slug="mio-backhaus", season__start_year=2025)


def test_an_editor_takes_the_other_documents_value_in_one_click(
    page, live_server, seeds, editor, tmp_path, shoot
):
    with open(SEED_BIOGRAPHY, encoding="utf-8") as handle:
        text = handle.read()
    assert ROW in text
    other = tmp_path / "backhaus-elsewhere.txt"
    other.write_text(text.replace(ROW, ROW.replace("22", "24")), encoding="utf-8")
    call_command("import_seeds", str(other), verbosity=0)
    assert season().league_apps == 22  # no overwrite: the first document's value stays
    conflict = Conflict.objects.get()

    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/sources/conflict/")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("22")
    expect(rows.first).to_contain_text("24")
    rows.first.locator("th a, td a").first.click()
    expect(page.locator("body")).to_contain_text("backhaus-elsewhere")
    shoot(page, "admin-conflict")
    page.get_by_role("button", name="Take the document's value").click()
    expect(page.locator(".messagelist")).to_contain_text("1 conflict settled.")

    assert season().league_apps == 24
    conflict.refresh_from_db()
    assert conflict.status == Conflict.Status.TAKEN
    assert conflict.resolved_by == editor
    # Later imports remember the choice: the first document again raises nothing.
    call_command("import_seeds", "--force", SEED_BIOGRAPHY, verbosity=0)
    assert season().league_apps == 24
    assert not Conflict.objects.filter(status=Conflict.Status.OPEN).exists()
