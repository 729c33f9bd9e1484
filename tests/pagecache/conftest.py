"""The page cache's tests: anonymous visitors are separate test clients."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from wagtail.models import Site

from directory.factories import OrganizationFactory
from home.models import SiteContactSettings
from hub import content_cache
from hub.page_cache import HEADER
from initiatives import factories as initiative_factories
from timebank.factories import ListingFactory, MemberFactory


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


@pytest.fixture
def organization(home_pages):
    return OrganizationFactory(
        name="ძველი ორგანიზაცია",
        slug="old-org",
        municipalities=["telavi"],
        fields_of_work=["youth"],
    )


@pytest.fixture
def citizens_data(home_pages, council_members):
    """Public pages of content that citizens' personal data stands behind:
    (their addresses, texts they show, personal texts never to be kept)."""
    initiative = initiative_factories.accepted(
        members=council_members,
        title="Lights on the Telavi road",
        author_name="ზურაბ მაისურაძე",
        author_email="zurab.private@example.org",
        author_phone="+995 599 11 22 33",
    )
    member = MemberFactory(
        email="member.private@example.org", phone="+995 577 44 55 66"
    )
    listing = ListingFactory(member=member, title="ბაღის მორწყვა")
    urls = [
        "/",
        "/en/initiatives/",
        f"/en/initiatives/{initiative.pk}/",
        "/time-bank/",
        f"/time-bank/{listing.pk}/",
        f"/en/initiatives/track/{initiative.tracking_token}/",
    ]
    shown = ["Lights on the Telavi road", "ბაღის მორწყვა"]
    private = [
        "zurab.private@example.org",
        "+995 599 11 22 33",
        "member.private@example.org",
        "+995 577 44 55 66",
        initiative.tracking_token,
    ]
    return urls, shown, private
