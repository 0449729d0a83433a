"""Configuration comes from the environment and a bad value stops the start-up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def start(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"KADER_ENV", "SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_development_starts_with_safe_defaults():
    result = start()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['127.0.0.1', 'localhost', '[::1]']"


def test_production_has_no_default_secret():
    result = start(KADER_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_production_runs_without_debug():
    result = start(KADER_ENV="production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="kader.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['kader.example.org']"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"DATABASE_CONN_MAX_AGE": "soon"}, "DATABASE_CONN_MAX_AGE='soon' is not a whole number"),
        ({"KADER_ENV": "staging"}, "KADER_ENV='staging'"),
        ({"API_ANON_RATE": "lots"}, "API_ANON_RATE='lots' is not a rate"),
        ({"API_ANON_RATE": "0/minute"}, "API_ANON_RATE='0/minute' is not a rate"),
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL is not a database URL"),
        ({"KADER_PARSE_BUDGET_SECONDS": "-1"}, "KADER_PARSE_BUDGET_SECONDS='-1' must be"),
        ({"NUM_PROXIES": "one"}, "NUM_PROXIES='one' is not a whole number"),
    ],
)
def test_a_bad_value_fails_loudly_naming_the_variable(env, message):
    result = start(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_without_redis_shares_a_database_cache():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in {"KADER_ENV", "REDIS_URL"}},
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "KADER_ENV": "production",
            "SECRET_KEY": "x" * 50,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache", result.stderr
