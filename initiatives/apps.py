from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"

    def ready(self):
        from . import signals, statistics

        signals.connect()
        statistics.connect()
