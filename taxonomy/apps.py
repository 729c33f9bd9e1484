from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"

    def ready(self):
        from django.core.cache import cache
        from django.db.models.signals import post_delete, post_save

        from taxonomy.models import MUNICIPALITIES_CACHE_KEY, Municipality

        def forget(**kwargs):
            cache.delete(MUNICIPALITIES_CACHE_KEY)

        for signal in (post_save, post_delete):
            signal.connect(
                forget, sender=Municipality, dispatch_uid=f"municipalities-{signal}"
            )
