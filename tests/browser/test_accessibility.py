"""axe-core (from npm, tests/browser/package-lock.json) on every page type in both
languages, at a desktop and the narrowest phone width: no serious or critical violation,
no two landmarks of one kind with one name, and the header never wider than the screen."""

import os
from pathlib import Path

import pytest

AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
PAGES = ["/", "/players/", "/players/?position=goalkeeper", "/players/mio-backhaus/",
         "/clubs/", "/clubs/werder-bremen/", "/interviews/",
         "/interviews/mio-backhaus-sport1-interview/",
         "/interviews/hard-work-paying-off-for-werder-bremen-goalkeeper-mio-backhaus/",
         "/search/?q=backhaus"]  # fmt: skip


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} is missing: npm ci --prefix tests/browser (dev.py test does it)"
        if os.environ.get("KADER_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (KADER_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    return AXE.read_text()


def violations(page, axe_source: str) -> list[str]:
    # Evaluated by the browser's debugger, so the page's Content-Security-Policy (no
    # inline scripts without its nonce) lets axe in without being loosened.
    page.evaluate(axe_source)
    found = page.evaluate("axe.run(document).then(r => r.violations)")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in found
        if v["impact"] in {"serious", "critical"} or v["id"] == "landmark-unique"
    ]


@pytest.mark.parametrize("language", ["", "/de"])
def test_no_page_has_a_serious_accessibility_violation(
    page, live_server, seeds, axe_source, language
):
    problems = {}
    for path in PAGES:
        page.goto(live_server.url + language + path)
        if found := violations(page, axe_source):
            problems[language + path] = found
    assert problems == {}


@pytest.mark.parametrize("language", ["", "/de"])
def test_in_dark_mode_no_page_has_a_serious_accessibility_violation(
    page, live_server, seeds, axe_source, language
):
    """The system's dark setting (prefers-color-scheme) swaps the site's colours: every
    pair must still pass axe's contrast rules."""
    page.emulate_media(color_scheme="dark")
    problems = {}
    for path in PAGES:
        page.goto(live_server.url + language + path)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        if found := violations(page, axe_source):
            problems[language + path] = found
    assert problems == {}


@pytest.mark.parametrize("path", ["/", "/search/?q=bremen", "/de/players/mio-backhaus/"])
def test_at_320_px_the_header_fits_the_screen(page, live_server, seeds, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + path)
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.site-header *')]
            .map(e => e.getBoundingClientRect().right)
            .filter(right => right > document.documentElement.clientWidth + 0.5)"""
    )
    assert overflow == []
