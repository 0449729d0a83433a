"""Production runs with REDIS_URL: the API and the checks must work against a real Redis."""

import pytest
from django.core.cache import caches
from django.core.checks import run_checks
from django.test import override_settings

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
}
CLOSED_PORT = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS["default"]["LOCATION"]).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def redis_cache():
    if not _redis_up():
        pytest.skip("no Redis on 127.0.0.1:6379")
    # override_settings rebuilds the cache handlers (Django's setting_changed receiver).
    with override_settings(CACHES=REDIS):
        yield caches["default"]
        caches["default"].clear()


def test_anonymous_api_reads_work_with_the_redis_cache(redis_cache, client, player):
    for url in ("/api/v1/players/", "/api/v1/schema/", "/api/v1/docs/"):
        assert client.get(url).status_code == 200, url


def test_the_cache_check_passes_when_redis_answers(redis_cache):
    assert [e for e in run_checks(tags=["caches"]) if e.id == "kader.E001"] == []


def test_an_unreachable_redis_is_a_check_error():
    with override_settings(CACHES=CLOSED_PORT):
        errors = [e for e in run_checks(tags=["caches"]) if e.id == "kader.E001"]
    assert len(errors) == 1
    assert "REDIS_URL='redis://127.0.0.1:1/0'" in errors[0].msg


DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kader_cache_test",
    }
}


@pytest.mark.django_db
def test_migrate_creates_the_database_cache_table_production_uses_without_redis():
    from django.db import connection

    from core.apps import create_cache_table

    with override_settings(CACHES=DATABASE_CACHE):
        create_cache_table()
        assert "kader_cache_test" in connection.introspection.table_names()
        caches["default"].set("k", "v")
        assert caches["default"].get("k") == "v"
