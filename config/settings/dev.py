"""Local development: DEBUG on, a fixed throwaway key, demo content allowed."""

from .base import *  # noqa: F403
from .base import ENV_ALLOWED_HOSTS, ENV_SECRET_KEY

DEBUG = True
SECRET_KEY = ENV_SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
DEMO_DATA_ALLOWED = True

# Serve static files from the finders during development, no collectstatic needed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
