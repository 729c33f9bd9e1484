from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import exports, signals, statistics

        signals.connect()
        statistics.connect()
        exports.connect_signals()
        post_migrate.connect(
            exports.DOWNLOADS.forget, sender=self, dispatch_uid="initiatives.open_data"
        )
