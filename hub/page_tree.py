"""The page tree's version, for caches of things derived from the tree.

Every public page shows the same menu and language switcher and is routed
through the same site; building them costs about a dozen queries. They are
cached (Django's cache) under keys holding this version: any change to the
page tree (a page saved, published, unpublished, moved or deleted, a view
restriction, a locale or a site changed) moves the version, so the next request
rebuilds them. Only public data is cached: titles, URLs and tree paths of live,
public pages, and the site records.
"""

import uuid

from django.core.cache import cache
from django.db.models import Q

VERSION_KEY = "page-tree:version"
TIMEOUT = 24 * 60 * 60


def version():
    """The current version of the page tree, as far as the chrome is concerned."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.add(VERSION_KEY, current, None)
        current = cache.get(VERSION_KEY, current)
    return current


def invalidate(**kwargs):
    """Forget everything cached from the page tree (a signal receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached(name, *parts, build):
    """`build()` cached under the name, the parts and the current version."""
    key = ":".join(["page-tree", name, version(), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, TIMEOUT)
    return value


def cached_many(name, ids, build):
    """{id: value} for `ids`, one cache entry each under the name and the
    current version; `build(missing ids)` returns {id: value} of the others."""
    current = version()
    keys = {id_: ":".join(["page-tree", name, current, str(id_)]) for id_ in ids}
    found = cache.get_many(list(keys.values()))
    values = {id_: found[key] for id_, key in keys.items() if key in found}
    missing = [id_ for id_ in keys if id_ not in values]
    if missing:
        built = build(missing)
        cache.set_many({keys[id_]: value for id_, value in built.items()}, TIMEOUT)
        values.update(built)
    return values


def _page_changed(sender, instance, **kwargs):
    # Module-level: signals keep only a weak reference to their receivers.
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()


def connect_signals():
    """Invalidate on every change that can alter a route, a menu or a link."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_page_changed, dispatch_uid="page-tree-page-saved")
    post_delete.connect(_page_changed, dispatch_uid="page-tree-page-deleted")
    page_published.connect(invalidate, dispatch_uid="page-tree-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="page-tree-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page-tree-page-moved")
    for model in (Site, Locale, PageViewRestriction):
        uid = f"page-tree-{model._meta.label_lower}"
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-deleted")


class CachedSiteMiddleware:
    """Find the request's Wagtail site in the cache instead of the database.

    Wagtail looks the site up (with its root page) on every request and keeps
    it on `request._wagtail_site`; we fill that attribute from the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.get_host()  # a host outside ALLOWED_HOSTS is refused here (400)
        host, port = request._get_raw_host(), request.get_port()
        site = cached("site", host, port, build=lambda: _site(request))
        if site:
            request._wagtail_site = site
        return self.get_response(request)


def _site(request):
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is None:
        return False
    site.root_page = site.root_page.specific  # routing starts there
    return site


class CachedLocalizedMixin:
    """`localized` from the cache: for the root page, which every request reads.

    Wagtail routes each request from `site.root_page.localized`, two queries
    (the active locale, the translation) that rarely change.
    """

    @property
    def localized(self):
        from django.utils.translation import get_language

        wagtails = super()
        return cached(
            "localized", self.pk, get_language(), build=lambda: wagtails.localized
        )


class CachedRouteMixin:
    """Route to a child page without a query.

    Wagtail loads each page of a URL as a plain `Page`, then again as its
    specific class: two queries per path component. The specific child is
    cached per parent and slug under the tree's version (any page saved,
    published or moved moves it), as it was read: its own row, no related
    object. Unknown slugs are not cached (Wagtail's own routing answers 404
    for them).
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]
        subpage = cached("child", self.pk, slug, build=lambda: self._child_by(slug))
        if subpage is None:
            return super().route(request, path_components)
        subpage._cached_parent_obj = self
        return subpage.route(request, path_components[1:])

    def _child_by(self, slug):
        return self.get_children().filter(slug=slug).specific().first()


class CachedViewRestrictionsMixin:
    """No query for the view restrictions of a page outside private sections.

    Wagtail asks for a page's restrictions (its own and its ancestors') on
    every visit; the paths of restricted pages are cached with the tree, so a
    page under none of them gets an empty queryset without asking. Pages in a
    private section, and aliases (restricted as their source), ask as before.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _restricted_paths():
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_paths():
    """Tree paths of the pages with a view restriction (their sections are
    private)."""
    return cached("restricted-paths", build=_restricted_paths)


def public(queryset):
    """`queryset.public()` with the private sections' paths from the cache.

    Wagtail's `public()` reads every view restriction each time it is called
    (a query per listing); the paths of restricted pages are part of the page
    tree, so they are cached under its version.
    """
    private = Q(pk__in=[])
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def locale_languages():
    """{locale pk: language code} of the site's locales."""
    from wagtail.models import Locale

    return cached(
        "locales", build=lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def locale_id(language_code):
    """The pk of the locale of a language, or None."""
    return next(
        (pk for pk, code in locale_languages().items() if code == language_code), None
    )


def default_locale_id():
    """The pk of the default locale (Locale.get_default() without a query)."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    return locale_id(get_supported_content_language_variant(settings.LANGUAGE_CODE))
