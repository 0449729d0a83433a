"""Fixtures that build on each other: country → club → player → editor → client.

The records themselves are built by tests/factories.py.
"""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection, connections
from django.tasks import task_backends
from django.tasks.backends.immediate import ImmediateBackend
from django.test import Client

from clubs.models import Club, Competition, Country, NationalTeam, Season
from core.publishing import Status
from interviews.models import Interview, Outlet
from players.models import Player
from tests import factories


@pytest.fixture(scope="session", autouse=True)
def no_stray_connections_at_the_end(django_db_setup, django_db_blocker):
    """The live server's request threads (browser tests) may keep a connection whose
    request the browser abandoned; on PostgreSQL that session would stop the test database
    from being dropped at the end. End them before pytest-django drops it."""
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        connections.close_all()


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Each test starts with an empty cache in memory (development settings keep it in
    files, shared by every process): no cached page, content version or throttle count
    leaks from one test into the next."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def tasks_run_immediately():
    """Background tasks run at once in tests; tests/importer/test_jobs.py runs the real
    database backend and its worker."""
    configured = task_backends["default"]
    task_backends["default"] = ImmediateBackend(alias="default", params={})
    yield
    task_backends["default"] = configured


@pytest.fixture
def germany(db) -> Country:
    return factories.country("DE", "Germany", "German")


@pytest.fixture
def japan(db) -> Country:
    return factories.country("JP", "Japan", "Japanese")


@pytest.fixture
def club(germany) -> Club:
    return Club.objects.create(name="Werder Bremen", country=germany)


@pytest.fixture
def other_club(germany) -> Club:
    return Club.objects.create(name="Borussia Mönchengladbach", country=germany)


@pytest.fixture
def draft_club(germany) -> Club:
    return Club.objects.create(name="Hidden FC", country=germany, status=Status.DRAFT)


@pytest.fixture
def division(germany) -> Competition:
    return Competition.objects.create(name="Bundesliga", country=germany, tier=1)


@pytest.fixture
def cup(germany) -> Competition:
    return Competition.objects.create(name="DFB-Pokal", country=germany, kind="cup")


@pytest.fixture
def season(db) -> Season:
    return factories.season("2023–24")


@pytest.fixture
def u19(germany) -> NationalTeam:
    return NationalTeam.objects.create(country=germany, level=NationalTeam.Level.U19)


@pytest.fixture
def senior_germany(germany) -> NationalTeam:
    return NationalTeam.objects.create(country=germany, level=NationalTeam.Level.SENIOR)


@pytest.fixture
def player(club, germany) -> Player:
    player = Player.objects.create(
        full_name="Jiří Pavlenka", position="goalkeeper", current_club=club
    )
    player.nationalities.add(germany)
    return player


@pytest.fixture
def draft_player(club) -> Player:
    return Player.objects.create(full_name="Geheim Spieler", status=Status.DRAFT, current_club=club)


@pytest.fixture
def career(player, club, other_club, division, season, u19, japan) -> Player:
    """Pavlenka: a youth spell, a loan from Werder to Gladbach, two seasons, a cap, a match."""
    return factories.pavlenka_career(
        player, club=club, loaned_to=other_club, division=division, u19=u19
    )


@pytest.fixture
def outlet(db) -> Outlet:
    return Outlet.objects.create(name="Bundesliga.com", website="https://www.bundesliga.com")


@pytest.fixture
def interview(outlet, player, club) -> Interview:
    return factories.interview_with_pavlenka(outlet, player, club)


@pytest.fixture
def backhaus(db) -> Player:
    """A player built like the seeds, with clubs, loans, caps and two interviews."""
    return factories.build_backhaus()


@pytest.fixture
def editor(db) -> User:
    return factories.editor_user("editor")


@pytest.fixture
def stranger(db) -> User:
    return User.objects.create_user("stranger", password="stranger-pass-123")


@pytest.fixture
def editor_client(client, editor) -> Client:
    client.force_login(editor)
    return client


@pytest.fixture
def staff_client(db) -> Client:
    """A desk editor's browser, apart from the anonymous `client`."""
    client = Client()
    client.force_login(factories.editor_user("desk", "desk-pass-123"))
    return client


@pytest.fixture
def many(db) -> list[str]:
    """100 published players, "Spieler 000" to "Spieler 099" (by name: the order of the
    lists), and a draft among them; their names in order."""
    Player.objects.bulk_create(
        [Player(full_name=f"Spieler {i:03d}", slug=f"spieler-{i:03d}") for i in range(100)]
        + [Player(full_name="Spieler 050a", slug="draft", status=Status.DRAFT)]
    )
    return sorted(f"Spieler {i:03d}" for i in range(100))
