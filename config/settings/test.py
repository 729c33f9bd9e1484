"""Tests: fast hashing, mail kept in memory, no search auto-update surprises."""

import os

from .base import *  # noqa: F403
from .base import ENV_REDIS_URL, ENV_SECRET_KEY

DEBUG = False
SECRET_KEY = ENV_SECRET_KEY or "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
DEMO_DATA_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Redis when REDIS_URL is set (CI's PostgreSQL pass), as in production. Each
# test process (pytest-xdist worker) has its own key prefix, so parallel
# workers never see, count or clear each other's keys.
CACHES = {
    "default": (
        {
            "BACKEND": "hub.cache.PrefixedRedisCache",
            "LOCATION": ENV_REDIS_URL,
            "KEY_PREFIX": os.environ.get(
                "TEST_CACHE_KEY_PREFIX",
                f"kh-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
                f"-{os.getpid()}",
            ),
        }
        if ENV_REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# The page cache as configured (Redis when REDIS_URL is set), one key space
# per test worker: tests/conftest.py empties it around every test. Off but in
# tests/pagecache/, so that the other tests see (and count) every rendering.
PAGE_CACHE_ENABLED = False
CONTENT_CACHE_ENABLED = False
CACHES["page_cache"] = {
    **PAGE_CACHE,  # noqa: F405
    "KEY_PREFIX": "test-page-cache-" + os.environ.get("PYTEST_XDIST_WORKER", "main"),
}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
CONSULTATIONS_DOCUMENTS_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Saving content does not update the search index (most tests never search):
# tests that search ask for the `search_index` fixture (tests/conftest.py).
WAGTAILSEARCH_BACKENDS = {
    name: {**params, "AUTO_UPDATE": False}
    for name, params in WAGTAILSEARCH_BACKENDS.items()  # noqa: F405
}
