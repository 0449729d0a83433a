"""The importer finds a club by any of its names through the search index on SQLite."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clubs.models import Club, ClubName
from imports.importer.common import References, SharedReferences


def lookups() -> References:
    return References(None, SharedReferences())  # type: ignore[arg-type]  # find_club writes nothing


@pytest.mark.django_db
def test_a_club_is_found_by_its_whole_name_or_an_alias():
    werder = Club.objects.create(name="SV Werder Bremen", short_name="Werder")
    Club.objects.create(name="Werder Bremen II")
    hsv = Club.objects.create(name="Hamburger SV")
    ClubName.objects.create(club=hsv, name="HSV")
    hsv.save()  # the alias joins search_text
    references = lookups()
    with CaptureQueriesContext(connection) as queries:
        assert references.find_club("SV Werder Bremen") == werder
    if connection.vendor == "sqlite":
        assert "MATCH" in queries.captured_queries[0]["sql"]
    assert lookups().find_club("Werder") == werder
    assert lookups().find_club("hsv") == hsv
    assert lookups().find_club("Bremen") is None
