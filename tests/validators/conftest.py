"""The seed documents, imported once for the validators: the pages real clients check."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def seeds(django_db_setup, django_db_blocker):
    """The seeds imported by the real command, kept for every test of the module."""
    with django_db_blocker.unblock():
        call_command("import_seeds", "seeds", verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)
