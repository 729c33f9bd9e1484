from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"

    def ready(self):
        from django.db.models.signals import post_migrate
        from simple_history.signals import pre_create_historical_record

        from directory.history import snapshot_relations
        from directory.models import Organization

        pre_create_historical_record.connect(
            snapshot_relations,
            sender=Organization.history.model,
            dispatch_uid="directory.snapshot_relations",
        )
        from directory import (
            notifications,  # noqa: F401  (e-mails on publish)
            open_data,
        )

        open_data.connect_signals()
        post_migrate.connect(
            open_data.forget, sender=self, dispatch_uid="directory.open_data"
        )
