"""The kinds of content the site search finds, read from the models themselves.

The search knows no app by name: it asks Wagtail for the indexed models and
keeps those that declare a `search_kind` (see `hub.searchable`). A page type
that declares none is searched as one of the "pages", with the defaults of
`hub.searchable.SearchablePage`.
"""

from wagtail.models import Page
from wagtail.search.index import get_indexed_models

from hub.searchable import PAGES, SearchablePage


def declared_kind(model):
    """The model's own `search_kind`, or None."""
    return getattr(model, "search_kind", None)


def searchable_models():
    """[(model, SearchKind)] of every model the site search shows.

    A model whose parent model is searched too is left out: the parent's
    search already finds its rows (multi-table inheritance).
    """
    found = []
    for model in get_indexed_models():
        kind = declared_kind(model)
        if kind is None and issubclass(model, Page) and model is not Page:
            kind = PAGES
        if kind is not None:
            found.append((model, kind))
    models = [model for model, _ in found]
    return [
        (model, kind)
        for model, kind in found
        if not any(
            parent is not model and issubclass(model, parent) for parent in models
        )
    ]


def all_kinds():
    """The kinds, once each, in the order of the search page's filter."""
    unique = {}
    for _, kind in searchable_models():
        unique.setdefault(kind.slug, kind)
    return sorted(unique.values(), key=lambda kind: (kind.order, kind.slug))


def kind_choices():
    """(slug, label) of every kind: the search form's content-type filter."""
    return [(kind.slug, kind.label) for kind in all_kinds()]


def search_queryset(model):
    """The public objects of `model` to search."""
    if declared_kind(model) is None:  # a page type without a declaration
        return SearchablePage.search_queryset.__func__(model)
    return model.search_queryset()


def search_excerpt(obj):
    """The public text a result's excerpt is cut from."""
    if declared_kind(type(obj)) is None:
        return SearchablePage.search_excerpt(obj)
    return obj.search_excerpt()


def search_date(obj):
    """The date shown with a result, or None."""
    if declared_kind(type(obj)) is None:
        return SearchablePage.search_date(obj)
    return obj.search_date()
