"""An anonymous API read costs no database write, even where the shared cache is the
database (production without Redis): the throttle counts in memory there."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.throttling import SharedAnonRateThrottle

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kader_cache",
    },
    "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


@pytest.fixture
def database_cache(settings, db):
    settings.CACHES = DATABASE_CACHE
    call_command("createcachetable", verbosity=0)
    yield
    caches["default"].clear()
    # Back to memory while the database is still there (the autouse fixture clears it).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def writes(queries) -> list[str]:
    return [
        q["sql"] for q in queries if q["sql"].lstrip().split()[0] in {"INSERT", "UPDATE", "DELETE"}
    ]


def test_a_repeated_anonymous_read_writes_nothing(api, career, database_cache):
    url = f"/api/v1/players/{career.slug}/"
    assert api.get(url).status_code == 200  # renders, and keeps the body in the cache
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    assert writes(queries.captured_queries) == []
    # A warm answer reads the content version and the body, nothing of the records.
    assert all("kader_cache" in q["sql"] for q in queries.captured_queries)


def test_the_throttle_counts_in_the_throttle_cache_when_there_is_one(database_cache):
    assert SharedAnonRateThrottle().cache is caches["throttle"]


def test_without_a_throttle_cache_it_counts_in_the_default_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert SharedAnonRateThrottle().cache is caches["default"]
