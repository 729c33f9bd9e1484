"""System checks: every kind of search result is declared completely.

A model that declares a `search_kind` (hub.searchable) must say what is public
(`search_queryset`), what text and date a result shows, where it links to, and
name a real municipality relation if it offers the municipality filter. A
missing piece would otherwise surface as a 500 on the search page.
"""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import Page

from search.kinds import declared_kind, searchable_models

REQUIRED = ("search_queryset", "search_excerpt", "search_date")


@checks.register(checks.Tags.models)
def check_search_kinds(app_configs=None, **kwargs):
    errors = []
    by_slug = {}
    for model, kind in searchable_models():
        if declared_kind(model) is None:
            continue  # a page type searched with the defaults of plain pages
        label = model._meta.label
        missing = [
            name for name in REQUIRED if not callable(getattr(model, name, None))
        ]
        if not issubclass(model, Page) and not hasattr(model, "get_absolute_url"):
            missing.append("get_absolute_url")
        if missing:
            errors.append(
                checks.Error(
                    f"{label} declares the search kind {kind.slug!r} but lacks "
                    f"{', '.join(missing)}.",
                    hint="See hub/searchable.py for what a searchable model declares.",
                    obj=model,
                    id="search.E001",
                )
            )
        if kind.municipality_field:
            errors += _check_municipality_field(model, kind)
        other = by_slug.setdefault(kind.slug, (model, kind))
        if other[1] != kind:
            errors.append(
                checks.Error(
                    f"{label} and {other[0]._meta.label} declare different search "
                    f"kinds with the slug {kind.slug!r}.",
                    hint="Share one SearchKind object, or choose another slug.",
                    obj=model,
                    id="search.E003",
                )
            )
    return errors


def _check_municipality_field(model, kind):
    try:
        field = model._meta.get_field(kind.municipality_field)
    except FieldDoesNotExist:
        field = None
    related = getattr(field, "related_model", None)
    if related is not None and related._meta.label == "taxonomy.Municipality":
        return []
    return [
        checks.Error(
            f"{model._meta.label}.{kind.municipality_field} (the municipality "
            f"filter of the search kind {kind.slug!r}) is not a relation to "
            "taxonomy.Municipality.",
            obj=model,
            id="search.E002",
        )
    ]
