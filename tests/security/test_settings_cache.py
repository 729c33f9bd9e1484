"""The rate limits count in the shared cache: across processes, not per worker."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory

from hub.public_forms import over_rate_limit
from tests.security.settings_loader import run_python

ANOTHER_PROCESS = """
import django
django.setup()
from django.test import RequestFactory
from hub.public_forms import over_rate_limit
request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
print([over_rate_limit(request, "security-test", "5/h") for _ in range(3)])
"""

needs_redis = pytest.mark.skipif(
    not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"),
    reason="needs the shared cache: set REDIS_URL (CI's PostgreSQL pass does)",
)


@needs_redis
def test_a_rate_limit_counts_posts_made_through_two_processes():
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
    here = [over_rate_limit(request, "security-test", "5/h") for _ in range(3)]

    there = run_python(
        ANOTHER_PROCESS,
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "REDIS_URL": settings.CACHES["default"]["LOCATION"],
            "TEST_CACHE_KEY_PREFIX": cache.key_prefix,
        },
    )

    assert there.returncode == 0, there.stderr
    assert here == [False, False, False]
    # Posts 4 and 5 pass, the 6th is over the limit of 5.
    assert there.stdout.strip().splitlines()[-1] == "[False, False, True]"


@needs_redis
def test_clearing_the_cache_leaves_other_prefixes_alone():
    from hub.cache import PrefixedRedisCache

    location = settings.CACHES["default"]["LOCATION"]
    neighbour = PrefixedRedisCache(location, {"KEY_PREFIX": f"{cache.key_prefix}-x"})
    neighbour.set("kept", 1)
    cache.set("gone", 1)

    cache.clear()

    assert cache.get("gone") is None
    assert neighbour.get("kept") == 1
    neighbour.clear()
