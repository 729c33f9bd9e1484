from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _after_last_app_migrated(sender, **kwargs):
    # post_migrate fires once per app; the permissions of every app exist only
    # after the last one, so roles are granted then.
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        from hub.roles import sync_roles

        sync_roles()


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Kakheti Hub")

    def ready(self):
        from hub import mtavruli

        mtavruli.install()
        post_migrate.connect(_after_last_app_migrated, dispatch_uid="hub.roles")
