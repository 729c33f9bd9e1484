from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from directory.history import snapshot_relations
        from directory.models import Organization

        pre_create_historical_record.connect(
            snapshot_relations,
            sender=Organization.history.model,
            dispatch_uid="directory.snapshot_relations",
        )
        from directory import notifications  # noqa: F401  (e-mails on publish)
