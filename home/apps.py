from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _after_last_app_migrated(sender, **kwargs):
    # post_migrate fires once per app; permissions of every app exist only
    # after the last one, so roles are granted then.
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        from .roles import ensure_roles

        ensure_roles(**kwargs)


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        # TEMP: moves to hub/apps.py (HubConfig.ready) when the hub app lands.
        from hub import mtavruli

        mtavruli.install()
        post_migrate.connect(_after_last_app_migrated, dispatch_uid="home.roles")
