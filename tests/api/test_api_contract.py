"""The contract a generated client relies on: every status it can meet is documented,
reads need no credentials, a bad filter value is a 400 that says what is accepted."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from openapi_spec_validator import validate
from rest_framework.throttling import AnonRateThrottle

from players.models import Position


@pytest.fixture
def schema(tmp_path, db) -> dict:
    target = tmp_path / "schema.json"
    call_command("spectacular", "--format", "openapi-json", "--file", str(target))
    return json.loads(target.read_text())


def operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_schema_is_valid_openapi(schema):
    validate(schema)


def test_the_schema_names_its_server_contact_and_tags(schema):
    assert schema["servers"] == [{"url": settings.SITE_URL, "description": "This site"}]
    assert schema["info"]["contact"]["url"].startswith(settings.SITE_URL)
    described = {tag["name"] for tag in schema["tags"] if tag["description"]}
    used = {tag for _path, _method, op in operations(schema) for tag in op["tags"]}
    assert used <= described


def test_anonymous_reads_need_no_credentials_and_writes_do(schema):
    for path, method, operation in operations(schema):
        if method == "get":
            assert {} in operation["security"], path
        else:
            assert {} not in operation["security"], (method, path)


def test_every_error_a_client_can_meet_is_documented(schema):
    for path, method, operation in operations(schema):
        codes = set(operation["responses"])
        assert "429" in codes, (method, path)
        if "{" in path or method == "get":
            assert "404" in codes, (method, path)
        if method in {"post", "put", "patch"}:
            assert {"400", "403"} <= codes, (method, path)
    players = schema["paths"]["/api/v1/players/"]["get"]
    assert "400" in players["responses"]


def test_an_unknown_position_is_a_400_naming_the_parameter_and_the_values(api, player):
    response = api.get("/api/v1/players/", {"position": "keeper"})
    assert response.status_code == 400
    [message] = response.json()["position"]
    assert "keeper" in message
    for value in Position.values:
        assert value in message


def test_a_known_position_still_filters(api, player):
    response = api.get("/api/v1/players/", {"position": player.position})
    assert response.status_code == 200
    assert [p["slug"] for p in response.json()["results"]] == [player.slug]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/players/", "status"),
        ("/api/v1/competitions/", "kind"),
        ("/api/v1/national-teams/", "level"),
        ("/api/v1/interviews/", "status"),
    ],
)
def test_every_filter_with_choices_refuses_an_unknown_value(api, db, url, parameter):
    response = api.get(url, {parameter: "nonsense"})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_a_free_text_filter_with_no_match_is_still_an_empty_list(api, player):
    response = api.get("/api/v1/players/", {"club": "no-such-club", "nationality": "XX"})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_throttled_read_answers_as_documented(api, db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    api.get("/api/v1/countries/")
    response = api.get("/api/v1/countries/")
    assert response.status_code == 429
    assert set(response.json()) == {"detail"}
    assert "Retry-After" in response
