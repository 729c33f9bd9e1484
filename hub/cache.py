"""The shared cache: Redis, where clearing empties only our own keys.

Django's `RedisCache.clear()` empties the whole Redis database (FLUSHDB), so one
test worker clearing its cache would wipe the rate-limit counters of another
worker, and a deployment sharing the database with another site would lose
that site's keys. Here `clear()` deletes only the keys under KEY_PREFIX.
"""

import glob

from django.core.cache.backends.redis import RedisCache


class PrefixedRedisCache(RedisCache):
    def clear(self):
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(None, write=True)
        pattern = f"{glob.escape(self.key_prefix)}:*"
        keys = []
        for key in client.scan_iter(match=pattern, count=1000):
            keys.append(key)
            if len(keys) == 1000:
                client.delete(*keys)
                keys = []
        if keys:
            client.delete(*keys)
        return True
