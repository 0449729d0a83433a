from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Sources")

    def ready(self) -> None:
        from sources.editors import sync_editors_group

        # Permissions exist only after migrate has run, so the group follows it.
        post_migrate.connect(sync_editors_group, sender=self)
