"""The seed documents, imported once for the validators: the pages real clients check."""

from pathlib import Path

import pytest
from django.core.management import call_command

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every validator test needs the test database: without a test that asks for it,
    pytest-django sets none up, and the seeds would go into (and be flushed from) the
    development database when this folder runs alone."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="module")
def seeds(django_db_setup, django_db_blocker):
    """The seeds imported by the real command, kept for every test of the module."""
    with django_db_blocker.unblock():
        call_command("import_seeds", "seeds", verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)
