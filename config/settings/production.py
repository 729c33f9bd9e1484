"""Production: every secret and host comes from the environment, or it won't start."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ENV_ALLOWED_HOSTS,
    ENV_BASE_URL,
    ENV_DATABASE_URL,
    ENV_REDIS_URL,
    ENV_SECRET_KEY,
)

# REDIS_URL: rate limits and duplicate-submission guards only hold when every
# worker shares one cache. BASE_URL: the links in e-mails.
for name, value in [
    ("SECRET_KEY", ENV_SECRET_KEY),
    ("ALLOWED_HOSTS", ENV_ALLOWED_HOSTS),
    ("DATABASE_URL", ENV_DATABASE_URL),
    ("REDIS_URL", ENV_REDIS_URL),
    ("BASE_URL", ENV_BASE_URL),
]:
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")

DEBUG = False
SECRET_KEY = ENV_SECRET_KEY
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ENV_ALLOWED_HOSTS]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
# Sessions read from the shared cache, written through to the database: a Redis
# restart signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows pages in a same-origin iframe, so frames from
# our own origin stay allowed (SAMEORIGIN, not DENY).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Superusers and administrators must sign in with a second factor (TOTP).
HUB_REQUIRE_2FA_FOR_ADMINS = True

LOGGING["root"]["level"] = "INFO"  # noqa: F405

# Background tasks wait in the database for `manage.py db_worker` (run it as a
# service beside gunicorn): e-mails and search indexing leave the request path.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The page and content caches need one cache for every worker and server
# (Redis): with a cache per process, a purge would reach only the process that
# saved.
PAGE_CACHE_ENABLED = bool(ENV_REDIS_URL)
CONTENT_CACHE_ENABLED = PAGE_CACHE_ENABLED
