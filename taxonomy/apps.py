from django.apps import AppConfig
from django.core.cache import cache
from django.db import transaction


def forget_municipalities(**kwargs):
    """Drop the cached municipalities (`Municipality.cached`): at once, and
    again at commit, since a request running meanwhile may have cached the
    rows as they were (as hub/settings_cache.py does)."""
    from taxonomy.models import MUNICIPALITIES_CACHE_KEY

    cache.delete(MUNICIPALITIES_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(MUNICIPALITIES_CACHE_KEY))


class TaxonomyConfig(AppConfig):
    name = "taxonomy"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from taxonomy.models import Municipality

        post_save.connect(
            forget_municipalities, sender=Municipality, dispatch_uid="municipalities"
        )
        post_delete.connect(
            forget_municipalities, sender=Municipality, dispatch_uid="municipalities"
        )
