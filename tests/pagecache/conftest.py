"""The page cache's tests: anonymous visitors are separate test clients."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from wagtail.models import Site

from home.models import SiteContactSettings
from hub import content_cache
from hub.page_cache import HEADER


def fetch(client, url, **extra):
    """GET `url`: (response, "hit" | "miss" | None for not cached), of the
    page cache, or of the content cache when the page cache is off."""
    response = client.get(url, **extra)
    if not settings.PAGE_CACHE_ENABLED:
        states = getattr(response.wsgi_request, content_cache.STATE, {})
        return response, states.get("content")
    return response, response.headers.get(HEADER)


def cache_entries(prefix):
    """The values stored under keys starting with `prefix` ("page:",
    "content:", "data:") in the page cache's alias, whatever its backend."""
    cache = caches["page_cache"]
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client()
        keys = [key.decode() for key in client.scan_iter(match=cache.make_key("*"))]
    else:
        keys = list(cache._cache)
    names = [key.split(":", 2)[2] for key in keys]
    return [cache.get(name) for name in names if name.startswith(prefix)]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def visitor():
    """An anonymous visitor: no cookies at all."""
    return Client()


@pytest.fixture
def home_pages(home_pages):
    """The home pages, and the site's settings row (Wagtail creates it on the
    first rendering: a rendering that writes is not cached)."""
    SiteContactSettings.for_site(Site.objects.get(is_default_site=True))
    return home_pages
