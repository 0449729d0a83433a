"""The OpenAPI schema: generated without warnings, served with local docs, fuzzed."""

import base64

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application


def test_the_schema_generates_and_validates_without_warnings(tmp_path, db):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    assert "/api/v1/players/{slug}/" in text
    assert "openapi: 3" in text


def test_the_schema_and_its_docs_are_served_without_a_cdn(api, db):
    assert api.get("/api/v1/schema/").status_code == 200
    for url in ("/api/v1/docs/", "/api/v1/redoc/"):
        response = api.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "drf_spectacular_sidecar" in page
        assert "cdn.jsdelivr.net" not in page
        assert "unpkg.com" not in page


# --- schemathesis: every operation, a few deterministic examples, no server error -------

EXAMPLES = 8
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def basic_auth(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def api_schema(db, career, interview, monkeypatch):
    """The schema as the app serves it, with data behind it and no throttle in the way."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute"})
    # The real WSGI handler closes the connection after each request, which would end
    # the test's transaction on PostgreSQL; Django's own test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def operations(schema, *methods: str) -> list:
    found = [result.ok() for result in schema.get_all_operations()]
    return [operation for operation in found if operation.method.upper() in methods]


def fuzz(operation, headers: dict[str, str], **fixed) -> None:
    """No 5xx, and every 2xx body as the schema describes it."""

    @FUZZ
    @given(case=operation.as_strategy(**fixed))
    def run(case) -> None:
        case.call_and_validate(
            headers=headers, checks=[not_a_server_error, response_schema_conformance]
        )

    run()


def test_schemathesis_finds_no_server_error_reading_anonymously(api_schema):
    reads = operations(api_schema, "GET")
    assert len(reads) >= 12
    for operation in reads:
        fuzz(operation, headers={})


REAL_SLUGS = {
    "/api/v1/players/{slug}/": "jiri-pavlenka",
    "/api/v1/clubs/{slug}/": "werder-bremen",
    "/api/v1/competitions/{slug}/": "bundesliga",
    "/api/v1/national-teams/{slug}/": "germany-u19",
    "/api/v1/interviews/{slug}/": "ich-bin-angekommen",
    "/api/v1/countries/{code}/": "DE",
}


def test_real_details_match_the_schema(api_schema, editor):
    details = [op for op in operations(api_schema, "GET") if op.path in REAL_SLUGS]
    assert len(details) == len(REAL_SLUGS)
    for operation in details:
        name = "code" if "{code}" in operation.path else "slug"
        fixed = {"path_parameters": {name: REAL_SLUGS[operation.path]}}
        fuzz(operation, headers={}, **fixed)
        fuzz(operation, headers=basic_auth("editor", "editor-pass-123"), **fixed)


def test_schemathesis_finds_no_server_error_writing_as_an_editor(api_schema, editor):
    headers = basic_auth("editor", "editor-pass-123")
    writes = operations(api_schema, "POST", "PUT", "PATCH", "DELETE")
    assert len(writes) >= 15
    for operation in writes:
        fuzz(operation, headers=headers)


def test_a_nul_byte_is_a_400_not_a_database_error(editor_api, player):
    response = editor_api.patch(
        f"/api/v1/players/{player.slug}/",
        {"current_club": "werder\x00", "nationalities": ["D\x00E"]},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"current_club", "nationalities"}
    assert editor_api.get("/api/v1/players/", {"search": "a\x00b"}).status_code == 200


def test_a_nul_byte_in_basic_auth_is_refused_not_a_server_error(api, db):
    response = api.get("/api/v1/players/", headers=basic_auth("edi\x00tor", "x"))
    assert response.status_code in {401, 403}
