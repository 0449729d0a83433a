"""Every page type runs under the Content-Security-Policy without a violation: the public
pages, the admin and the API documentation (nothing loaded from outside the site)."""

import pytest
from django.contrib.auth.models import User

from tests.factories import EDITOR_PASSWORD

PUBLIC = ["/", "/players/", "/players/mio-backhaus/", "/clubs/", "/clubs/werder-bremen/",
          "/interviews/", "/search/?q=bremen", "/de/players/mio-backhaus/"]  # fmt: skip
API_DOCS = ["/api/v1/docs/", "/api/v1/redoc/"]


def is_breaking(message: str) -> bool:
    """A violation that breaks the page: a script or style of the site's own that did not
    run. A blocked image from elsewhere (Redoc's branding) is the policy doing its job."""
    return "Content Security Policy" in message and not (
        message.startswith("Loading the image 'http") and "img-src" in message
    )


def visit(page, live_server, path: str) -> tuple[list[str], list[str], str]:
    """(CSP violations that break the page, requests to other hosts, the policy)."""
    violations: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: is_breaking(m.text) and violations.append(m.text))
    page.on(
        "requestfinished",
        lambda r: (
            not r.url.startswith((live_server.url, "data:", "blob:")) and outside.append(r.url)
        ),
    )
    response = page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, path
    return violations, outside, response.headers.get("content-security-policy", "")


@pytest.mark.parametrize("path", PUBLIC + API_DOCS)
def test_a_page_runs_under_the_policy(page, live_server, seeds, path):
    violations, outside, policy = visit(page, live_server, path)
    assert "default-src 'self'" in policy
    assert violations == []
    assert outside == []


def test_the_admin_runs_under_the_policy(page, live_server, seeds, editor: User):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    for path in ["/admin/", "/admin/players/player/", "/admin/sources/sourcedocument/upload/"]:
        violations, outside, _policy = visit(page, live_server, path)
        assert violations == [], path
        assert outside == [], path
    player_list = page.goto(live_server.url + "/admin/players/player/")
    assert player_list.status == 200
    page.click("#result_list tbody th a >> nth=0")
    page.wait_for_load_state("networkidle")
    violations, outside, _policy = visit(page, live_server, page.url.removeprefix(live_server.url))
    assert violations == []
