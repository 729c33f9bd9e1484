"""Search backends that index only what the public may see.

Wagtail indexes every saved object, drafts and private pages included. These
backends wrap Wagtail's own: an object that is not live (a draft, an
initiative under review) or a page behind a view restriction is removed from
the index instead of added, so nothing unpublished can ever be found, by the
search page or by anyone reading the index.

Editors must still find their drafts in the admin, whose page search and
choosers call `autocomplete()` (the site's search page calls `search()`):
autocomplete is answered from the database instead of the index.
"""

import functools

from modelsearch.backends.database.fallback import (
    DatabaseSearchBackend as FallbackSearchBackend,
)
from wagtail.models import Page


def is_public(obj):
    """Live, and for a page, not behind a view restriction."""
    if getattr(obj, "live", True) is False:
        return False
    if isinstance(obj, Page):
        return not obj.get_view_restrictions().exists()
    return True


def public_subset(model, objs):
    """The public objects among `objs` (one query for pages, none otherwise)."""
    objs = list(objs)
    candidates = [obj for obj in objs if getattr(obj, "live", True) is not False]
    if candidates and issubclass(model, Page):
        public_ids = set(
            Page.objects.filter(pk__in=[obj.pk for obj in candidates])
            .public()
            .values_list("pk", flat=True)
        )
        candidates = [obj for obj in candidates if obj.pk in public_ids]
    return candidates


class PublicOnlyIndexMixin:
    """Adds public objects to the index; removes the others from it."""

    def add_item(self, obj):
        if is_public(obj):
            super().add_item(obj)
        else:
            self.delete_item(obj)

    def add_items(self, model, items):
        items = list(items)
        public = public_subset(model, items)
        public_ids = {obj.pk for obj in public}
        for obj in items:
            if obj.pk not in public_ids:
                self.delete_item(obj)
        if public:
            super().add_items(model, public)


class DatabaseAutocompleteMixin:
    """Autocomplete by the words of the searchable fields in the database
    (Wagtail's fallback backend), so the admin finds drafts too. It searches
    only the queryset it is given: a caller that passes public objects gets
    public objects back."""

    def autocomplete(self, query, model_or_queryset, **kwargs):
        database = FallbackSearchBackend({})
        return database.autocomplete(query, model_or_queryset, **kwargs)


def public_only(backend_class):
    """`backend_class` with an index that takes public objects only."""
    index_class = type(
        f"PublicOnly{backend_class.index_class.__name__}",
        (PublicOnlyIndexMixin, backend_class.index_class),
        {},
    )
    return type(
        f"PublicOnly{backend_class.__name__}",
        (DatabaseAutocompleteMixin, backend_class),
        {"index_class": index_class},
    )


def engine_errors():
    """The exceptions of an unreachable or failing search engine (a tuple for
    `except`): Elasticsearch's transport and API errors, if installed."""
    errors = []
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        errors += [TransportError, ApiError]
    except ImportError:  # pragma: no cover - the client is in requirements
        pass
    return tuple(errors) or (OSError,)


def index_in_database():
    """Whether the search index lives in the database (Wagtail's database
    backend) rather than in Elasticsearch."""
    from django.conf import settings

    return _in_database(settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"])


@functools.cache
def _in_database(backend_path):
    # Once per configured backend: Wagtail builds a new backend on each call.
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
    from wagtail.search.backends import get_search_backend

    return not isinstance(get_search_backend(), ElasticsearchBaseSearchBackend)
