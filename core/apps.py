from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Kernel")

    def ready(self) -> None:
        from core import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(**kwargs: Any) -> None:
    """The database cache's table (production without Redis) comes with every migrate."""
    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", verbosity=0)
