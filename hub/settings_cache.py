"""Wagtail site settings read from the cache instead of the database.

Settings shown in the footer of every page (contact details) would cost a
query per request. `CachedSiteSettingMixin` keeps each site's row in Django's
cache and forgets it when the row is saved or deleted (at once and again after
the transaction commits, so a concurrent request cannot re-cache the old row).
"""

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 24 * 60 * 60


class CachedSiteSettingMixin:
    """Put before `BaseSiteSetting` in the bases of a site setting."""

    @classmethod
    def _cache_key(cls, site_id):
        return f"site-setting:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        key = cls._cache_key(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, TIMEOUT)
        return instance

    def _forget(self):
        key = self._cache_key(self.site_id)
        cache.delete(key)
        transaction.on_commit(lambda: cache.delete(key))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._forget()
        return result
