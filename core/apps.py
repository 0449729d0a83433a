from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Kernel")

    def ready(self) -> None:
        from core import checks  # noqa: F401  (registers the system checks)
        from core.cache import on_m2m_changed, on_save_or_delete
        from core.search_index import repair_search_indexes

        post_migrate.connect(create_cache_table, sender=self)
        post_migrate.connect(repair_search_indexes, sender=self)
        # Every write to a record the site shows moves the content version (core.cache):
        # connected for all models, acting on settings.KADER_CONTENT_APPS. An import's
        # bulk inserts send no signal, but each imported document saves its SourceDocument
        # in the same transaction, which moves the version once it commits.
        post_save.connect(on_save_or_delete, dispatch_uid="kader-content-saved")
        post_delete.connect(on_save_or_delete, dispatch_uid="kader-content-deleted")
        m2m_changed.connect(on_m2m_changed, dispatch_uid="kader-content-m2m")


def create_cache_table(**kwargs: Any) -> None:
    """The database cache's table (production without Redis) comes with every migrate."""
    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", verbosity=0)
