"""What a model declares to appear in the site search (the `search` app reads it).

The search app sits on top and knows no app by name: it asks Wagtail for the
indexed models and shows those that declare a `search_kind`. A model opts in
with a class attribute and three small methods:

    class Organization(index.Indexed, ...):
        search_kind = SearchKind(
            "organization", _("Organizations"), _("Organization"),
            municipality_field="municipalities", order=40,
        )

        @classmethod
        def search_queryset(cls):       # the public objects to search
            return cls.objects.filter(live=True)

        def get_absolute_url(self): ...  # pages have their own URL
        def search_excerpt(self): ...    # public text the excerpt is cut from
        def search_date(self): ...       # a date shown with the result, or None

Pages without a `search_kind` of their own are "pages". Only public fields may
feed `search_excerpt` (and the index: see `hub.analysis.index_text`).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchKind:
    """A kind of content the search page finds and filters by."""

    slug: str
    label: str  # plural: the filter's option, e.g. "Organizations"
    single_label: str  # on each result, e.g. "Organization"
    municipality_field: str | None = None  # a FK or M2M to taxonomy.Municipality
    order: int = 100  # position in the search page's filter
