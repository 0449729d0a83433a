"""Playwright driving Debian's chromium against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium. Without it the tests skip,
unless KADER_REQUIRE_BROWSER=1 (CI) makes that a failure.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from tests import factories
from tests.factories import EDITOR_PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the
# tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


# When the browser leaves a page while the live server still answers one of its requests,
# Django never sends request_finished in that server thread, so the thread's SQLite
# connection is left for the garbage collector, which warns about it at some later moment,
# in whichever test is running then (pyproject.toml ignores it after the last test too).
# That is the test server's doing, not the site's.
LIVE_SERVER_CONNECTIONS = (
    r"ignore:Exception ignored in. <sqlite3.Connection:pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.filterwarnings(LIVE_SERVER_CONNECTIONS))


@pytest.fixture(scope="session")
def chromium_context(live_server):
    """Depends on live_server so the browser closes its keep-alive connections first."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("KADER_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (KADER_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    user_data = tempfile.mkdtemp(prefix="kader-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
            locale="en-GB",
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(user_data, ignore_errors=True)
            time.sleep(0.2)  # let the server's handler threads see the closed sockets


@pytest.fixture
def page(chromium_context, live_server):
    chromium_context.clear_cookies()
    tab = chromium_context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    tab.close()


@pytest.fixture
def seeds(transactional_db):
    """The seed documents imported by the real command, as `dev.py run` does."""
    call_command("import_seeds", "seeds", verbosity=0)


@pytest.fixture
def editor(transactional_db) -> User:
    return factories.editor_user("editor", EDITOR_PASSWORD)


@pytest.fixture
def shoot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def save(tab, name: str) -> None:
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return save
