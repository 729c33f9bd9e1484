"""Cached public content of pages, purged like the page cache.

The anonymous page cache (hub/page_cache.py) stores whole pages only for
visitors without a session and for pages without a form: a visitor who has
a session, a page with a CSRF token in it, or a server with the page cache
off renders every page anew. This cache keeps the parts of a page that are
the same for every visitor of its address: head, header, content and footer
(`{% public_content "part" %}` in base.html), while the messages and the
editors' bar render as usual.

**What is cached.** Only content a view declares public (`cache_content` in
its context, or on the page model), for a GET by a visitor not signed in
(signed-in users may see more: staff links, their own items), never a
preview, and never content that rendered a CSRF token or wrote to the
database. The key holds scheme, host, language and the full path with its
query string, as the page cache's does.

**When it is purged.** By the page cache's rule: the entry keeps the tables
read while the request rendered it, the view's reads before it included (an
organization and its prefetched fields of work come from the view), and the
generation when the request began (`ReadingMiddleware`); it is served only
while none of those tables was written since (`page_cache.table_written`).
A page the page cache stores from content served here depends on the
content's tables too (`table_access.note_read`).
"""

import hashlib
import threading

from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from hub import page_cache, table_access

#: On the request: {part: "hit" or "miss" (stored now)}, a part absent: not
#: cached. For tests and debugging (`response.wsgi_request` in tests).
STATE = "content_cache"
_READING = "_content_cache_reading"
#: The request this thread serves (its ReadingMiddleware's reading).
_request = threading.local()


def applies(context):
    """Whether the page being rendered in `context` may come from here."""
    request = context.get("request")
    declared = context.get("cache_content") or getattr(
        context.get("page"), "cache_content", False
    )
    user = getattr(request, "user", None)
    return bool(
        settings.CONTENT_CACHE_ENABLED
        and declared
        and request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not getattr(user, "is_authenticated", False)
    )


def _key(request, part):
    parts = (
        part,
        request.scheme,
        request.get_host(),
        get_language() or settings.LANGUAGE_CODE,
        request.get_full_path(),
    )
    return "content:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def rendered(request, render, part):
    """What `render()` makes of this part of the page ("content", "header"...)
    for this request, from the cache if fresh."""
    reading = getattr(request, _READING, None)
    if reading is None:  # a request that did not pass ReadingMiddleware
        return render()
    cache = caches[page_cache.ALIAS]
    key = _key(request, part)
    states = getattr(request, STATE, None)
    if states is None:
        states = {}
        setattr(request, STATE, states)
    cached = cache.get(key)
    if cached is not None:
        generation, tables, html = cached
        if _unchanged(cache, generation, tables):
            table_access.note_read(tables)
            states[part] = "hit"
            return mark_safe(html)  # noqa: S308 - stored as rendered, escaped then
    # Whether the content itself asks for a CSRF token (a form in it).
    token_before = request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
    html = render()
    token_used = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    if token_before:
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = token_before
    tables = page_cache.tables_read(reading)
    if (
        not token_used
        and not reading.written - page_cache.IGNORED_TABLES
        and page_cache.may_store(cache, reading.generation, tables)
    ):
        cache.set(key, (reading.generation, tables, str(html)))  # alias's TIMEOUT
        states[part] = "miss"
    return html


def data(name, *parts, build):
    """`build()` for these parts and the active language, kept by the same
    rule as the content: while no table it read is written.

    For the public data a view reads before its content (an organization with
    its relations), which the content's cache cannot skip. `build` must
    return evaluated data (objects, lists), not a lazy queryset.
    """
    if not settings.CONTENT_CACHE_ENABLED:
        return build()
    cache = caches[page_cache.ALIAS]
    language = get_language() or settings.LANGUAGE_CODE
    key = (
        "data:"
        + hashlib.sha256(
            "\n".join(map(str, (name, language, *parts))).encode()
        ).hexdigest()
    )
    cached = cache.get(key)
    if cached is not None:
        generation, tables, value = cached
        if _unchanged(cache, generation, tables):
            table_access.note_read(tables)
            return value
    generation = page_cache.generation()
    with table_access.Reading() as reading:
        value = build()
    tables = page_cache.tables_read(reading)  # page-tree values read from its cache
    if not reading.written and page_cache.may_store(cache, generation, tables):
        cache.set(key, (generation, tables, value))  # the alias's TIMEOUT
    return value


def _unchanged(cache, generation, tables):
    """`page_cache.unchanged_since`, reusing the tags this request has read
    already (the parts of a page depend on mostly the same tables), unless it
    has written something since it began."""
    reading = getattr(_request, "reading", None)
    if reading is None or reading.written - page_cache.IGNORED_TABLES:
        return page_cache.unchanged_since(cache, generation, tables)
    return page_cache.unchanged_since(cache, generation, tables, reading.tags)


class ReadingMiddleware:
    """Notes the generation when a request begins and every table it reads,
    for the content it may store (`rendered`). Placed before any middleware
    or view that reads content."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.CONTENT_CACHE_ENABLED:
            return self.get_response(request)
        with table_access.Reading() as reading:
            reading.generation = page_cache.generation()
            reading.tags = {}
            setattr(request, _READING, reading)
            _request.reading = reading
            try:
                return self.get_response(request)
            finally:
                _request.reading = None
