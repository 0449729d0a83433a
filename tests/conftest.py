"""Fixtures that build on each other: country → club → player → editor → client."""

import pytest
from django.contrib.auth.models import Group, User

from clubs.models import Club, Competition, Country, NationalTeam, Season
from imports.editors import EDITORS_GROUP
from players.models import Player


@pytest.fixture
def germany(db) -> Country:
    return Country.objects.get_or_create(
        code="DE", defaults={"name": "Germany", "demonym": "German"}
    )[0]


@pytest.fixture
def club(germany) -> Club:
    return Club.objects.create(name="Werder Bremen", country=germany)


@pytest.fixture
def other_club(germany) -> Club:
    return Club.objects.create(name="Borussia Mönchengladbach", country=germany)


@pytest.fixture
def division(germany) -> Competition:
    return Competition.objects.create(name="Bundesliga", country=germany, tier=1)


@pytest.fixture
def season(db) -> Season:
    return Season.objects.get_or_create_from_label("2023–24")


@pytest.fixture
def u19(germany) -> NationalTeam:
    return NationalTeam.objects.create(country=germany, level=NationalTeam.Level.U19)


@pytest.fixture
def player(club, germany) -> Player:
    player = Player.objects.create(
        full_name="Jiří Pavlenka", position="goalkeeper", current_club=club
    )
    player.nationalities.add(germany)
    return player


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("editor", password="editor-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def stranger(db) -> User:
    return User.objects.create_user("stranger", password="stranger-pass-123")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
