"""A player built like the seeds, and the people who look at the site."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from imports.editors import EDITORS_GROUP
from tests.site.builders import build_backhaus


@pytest.fixture
def backhaus(db):
    return build_backhaus()


@pytest.fixture
def staff_client(db):
    """A desk editor's browser, apart from the anonymous `client`."""
    client = Client()
    user = User.objects.create_user("desk", password="desk-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return client
