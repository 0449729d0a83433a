"""API clients per permission level; the records come from tests/conftest.py."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The anonymous throttle counts in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_api(editor) -> APIClient:
    client = APIClient()
    client.force_login(editor)  # a session, so every request loads the user as in production
    return client


@pytest.fixture
def stranger_api(stranger) -> APIClient:
    client = APIClient()
    client.force_login(stranger)
    return client


@pytest.fixture
def clients(api, editor_api, stranger_api) -> dict[str, APIClient]:
    return {"anonymous": api, "editor": editor_api, "stranger": stranger_api}
