"""Signing in to the admin as a browser does, for the browser tests."""

from playwright.sync_api import Page, expect

from tests.factories import EDITOR_PASSWORD


def log_in(page: Page, live_server, editor) -> None:
    """The admin's login form filled in as the editor (EDITOR_PASSWORD), then its index."""
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_contain_text(editor.username)
