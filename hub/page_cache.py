"""The anonymous page cache: whole responses for visitors without a session.

Why not a package: wagtail-cache (3.0.0, its latest) requires Wagtail < 8,
and Django's `UpdateCacheMiddleware`/`cache_page` key entries on `Vary:
Cookie` (one entry per visitor once a CSRF cookie is set) and offer no way to
purge "the pages that show this organization". This module uses Django's
cache framework (the `page_cache` alias: Redis when REDIS_URL is set, a local
memory cache otherwise) with two rules of its own:

**What is cached.** Only a GET without any cookie but the CSRF and language
cookies (so never for a signed-in user, a time-bank member or a visitor with
pending messages), outside the admin, answered 200, not streamed, setting no
cookie, rendering no CSRF token (every form: initiative submission, directory
proposals, time-bank registration, consultation requests), not marked
private or no-cache (`never_cache`: the private links), not `exempt` (the
site search, which counts each search), and writing nothing to the database
while rendering. The key holds scheme, host, language, accepted encodings
and the full path with its query string.

**When it is purged.** While a page renders, `hub.table_access` notes every
table its queries read; the entry keeps that list and the invalidation
*generation* seen when rendering began. Every write to a table (any model:
pages, snippets, settings, the time bank, apps yet to come) sets that table's
tag to a new generation, at once and again when the transaction commits. An
entry is served only while none of its tables' tags is newer than the
entry. So saving an organization re-renders exactly the pages that read the
organizations table, and leaves news articles cached. The page tree, sites,
locales and site settings make up every page's header, menu and footer, also
when a fragment of them comes from another cache: every entry depends on
them (`site_wide_tables`).
"""

import functools
import hashlib
import threading
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import cc_delim_re, get_max_age
from django.utils.translation import get_language

from hub import table_access

ALIAS = "page_cache"
#: The response header saying "hit" or "miss" (stored now); absent: not cached.
HEADER = "X-Page-Cache"
#: Written by rendering itself and derived from other tables (an image's
#: renditions follow the image row), or never read by a public page (the
#: sessions; the task queue, which a request only adds to: counting a search).
IGNORED_TABLES = frozenset(
    {"wagtailimages_rendition", "django_session", "django_tasks_database_dbtaskresult"}
)
#: Request headers a cached response may vary on: the key covers them.
_VARY_ALLOWED = frozenset({"cookie", "accept-language", "accept-encoding"})
_ENCODINGS = ("br", "gzip", "zstd")
_GENERATION = "generation"
#: Pages from a shared cache (Redis) kept in each process too, so that a hit
#: asks Redis one small question (have their tables changed?) in one round
#: trip instead of fetching the page every time.
_LOCAL_PAGES = 300
_local_pages = {}
_local_lock = threading.Lock()


def _cache():
    return caches[ALIAS]


def _tag(table):
    return f"table:{table}"


@functools.cache
def site_wide_tables():
    """The tables behind every page's chrome: page tree, sites, settings."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    # Those behind the page tree's own cache (hub/page_tree.py), whose values
    # are read without a query: menus, routes, the private sections.
    models = [Page, Site, Locale, PageViewRestriction] + [
        model
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    ]
    return frozenset(model._meta.db_table for model in models)


@functools.cache
def _admin_prefix():
    return reverse("wagtailadmin_home")


def exempt(view):
    """Never cache this view's responses (without telling browsers anything)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.page_cache_exempt = True
        return response

    return wrapped


# --- Invalidation ------------------------------------------------------------


def _generation(cache):
    generation = cache.get(_GENERATION)
    if generation is None:
        # Microseconds: after an eviction the count goes on above old tags.
        cache.add(_GENERATION, int(time.time() * 1_000_000), timeout=None)
        generation = cache.get(_GENERATION)
    return generation


def invalidating():
    """Whether writes must purge: the page cache or the content cache is on."""
    return settings.PAGE_CACHE_ENABLED or settings.CONTENT_CACHE_ENABLED


def invalidate(tables):
    """Every cached page that read one of `tables` is stale from now on."""
    cache = _cache()
    try:
        generation = cache.incr(_GENERATION)
    except ValueError:
        _generation(cache)
        generation = cache.incr(_GENERATION)
    cache.set_many({_tag(table): generation for table in tables}, timeout=None)


class _AtCommit:
    """Invalidates again when the transaction commits (see `table_written`)."""

    def __init__(self):
        self.tables = {}  # table -> this thread's stores count when invalidated

    def __call__(self):
        invalidate(self.tables)


#: Pages stored by this thread: only its own renderings can have read its
#: transaction's uncommitted rows.
_stores = threading.local()


def table_written(table, connection):
    """A write to `table`: invalidate now, and again at commit.

    Now: the same transaction (and the tests, which never commit) sees its
    change at once; once per table and transaction, unless this thread has
    stored a page since. At commit: a page rendered elsewhere meanwhile from
    the old rows began before that second generation, so it is stale too.
    """
    if table in IGNORED_TABLES or not invalidating():
        return
    if not connection.in_atomic_block:
        invalidate([table])
        return
    at_commit = next(
        (
            entry[1]
            for entry in connection.run_on_commit
            if isinstance(entry[1], _AtCommit)
        ),
        None,
    )
    if at_commit is None:
        at_commit = _AtCommit()
        transaction.on_commit(at_commit, using=connection.alias)
    stores = getattr(_stores, "count", 0)
    if at_commit.tables.get(table) != stores:
        at_commit.tables[table] = stores
        invalidate([table])


def clear():
    """Empty the page cache (only its own keys on a shared Redis database)."""
    cache = _cache()
    with _local_lock:
        _local_pages.clear()
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=cache.make_key("*")))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


# --- Serving -------------------------------------------------------------------


def _may_use_cache(request):
    harmless = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and not request.path_info.startswith(_admin_prefix())
        and "HTTP_AUTHORIZATION" not in request.META
        and set(request.COOKIES) <= harmless
    )


def _page_key(request):
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    parts = (
        request.scheme,
        request.get_host(),
        get_language() or settings.LANGUAGE_CODE,
        ",".join(e for e in _ENCODINGS if e in accepted),
        request.get_full_path(),
    )
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def tags(cache, tables):
    """{table: the generation of its last write} (absent: never set, or lost)."""
    found = cache.get_many([_tag(table) for table in tables])
    return {table: found[_tag(table)] for table in tables if _tag(table) in found}


def unchanged_since(cache, generation, tables, known=None):
    """Whether none of `tables` was written after `generation`; `known`: tags
    already read, reused and completed."""
    known = {} if known is None else known
    missing = [table for table in tables if table not in known]
    if missing:
        known.update(tags(cache, missing))
    return all(table in known and known[table] <= generation for table in tables)


def _fresh(cache, cached):
    (generation, tables, _, _), _ = cached
    return unchanged_since(cache, generation, tables)


def _remember(cache, key, cached):
    if isinstance(cache, LocMemCache):
        return  # already in this process
    with _local_lock:
        _local_pages.pop(key, None)
        _local_pages[key] = cached
        while len(_local_pages) > _LOCAL_PAGES:
            _local_pages.pop(next(iter(_local_pages)))


def _lookup(cache, key):
    """The fresh cached page for `key`, or None."""
    local = _local_pages.get(key)
    if local is not None and _fresh(cache, local):
        return local
    cached = cache.get(key)
    if cached is None or cached == local or not _fresh(cache, cached):
        return None
    _remember(cache, key, cached)
    return cached


def _may_store(request, response, reading):
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    vary = {
        part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))
    }
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a CSRF token
        and not getattr(response, "page_cache_exempt", False)
        and not cache_control & {"private", "no-store", "no-cache"}
        and get_max_age(response) != 0
        and vary - {""} <= _VARY_ALLOWED
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
        and not reading.written - IGNORED_TABLES
    )


def tables_read(reading):
    """The tables an entry depends on: those read, and every page's chrome."""
    return tuple(sorted((reading.read | site_wide_tables()) - IGNORED_TABLES))


def may_store(cache, generation, tables):
    """Whether a rendering that began at `generation` and read `tables` may be
    stored (nothing it read changed meanwhile); counts it as this thread's."""
    tags = cache.get_many([_tag(table) for table in tables])
    missing = [table for table in tables if _tag(table) not in tags]
    if missing:
        # A tag never set (or evicted): from now on, it starts here.
        current = _generation(cache)
        for table in missing:
            cache.add(_tag(table), current, timeout=None)
    if not unchanged_since(cache, generation, tables):
        return False  # something it read changed while it rendered
    _stores.count = getattr(_stores, "count", 0) + 1
    return True


def generation():
    """The invalidation generation now: a rendering notes it when it begins."""
    return _generation(_cache())


def _store(cache, key, generation, reading, response):
    tables = tables_read(reading)
    if not may_store(cache, generation, tables):
        return False
    headers = [(name, value) for name, value in response.items() if name != HEADER]
    entry = (generation, tables, response.status_code, headers)
    cache.set(key, (entry, response.content))  # the alias's TIMEOUT
    _remember(cache, key, (entry, response.content))
    return True


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for visitors without a session.

    Sits right after LocaleMiddleware (the language is known) and before the
    session, CSRF and authentication middleware, so that a hit skips them and
    a miss sees every cookie they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        cache = _cache()
        key = _page_key(request)
        cached = _lookup(cache, key)
        if cached is not None:
            (_, _, status, headers), content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers[HEADER] = "hit"
            return response
        generation = _generation(cache)
        with table_access.Reading() as reading:
            response = self.get_response(request)
        if _may_store(request, response, reading) and _store(
            cache, key, generation, reading, response
        ):
            response.headers[HEADER] = "miss"
        return response
