from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        from imports.editors import sync_editors_group

        # Permissions exist only after migrate has run for every app, so the group follows
        # the last app with models (post_migrate is sent once per such app, in order).
        last = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(sync_editors_group, sender=last)
