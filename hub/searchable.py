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

A result's language is its `locale` for translatable models (a result in the
other language is replaced by its translation in the visitor's language when
one is public); a model with a language of its own defines
`search_language()` returning its language code. Plain pages declare
`search_kind = PAGES` (or mix in `SearchablePage`); a page type without a
`search_kind` of its own is searched as one of the "pages" with Wagtail's
search description as its excerpt. `search/checks.py` checks every declaration.
Only public fields may feed `search_excerpt` (and the index: see
`hub.analysis.index_text`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hub import page_tree


@dataclass(frozen=True)
class SearchKind:
    """A kind of content the search page finds and filters by."""

    slug: str
    label: str  # plural: the filter's option, e.g. "Organizations"
    single_label: str  # on each result, e.g. "Organization"
    municipality_field: str | None = None  # a FK or M2M to taxonomy.Municipality
    order: int = 100  # position in the search page's filter


#: Plain pages (about, contact, topic explainers, the home page, indexes).
PAGES = SearchKind("page", _("Pages"), _("Page"), order=30)


class SearchablePage:
    """The declaration of a plain page: mix into a `Page` subclass (before
    `Page`) and override `search_excerpt` to offer a better text."""

    search_kind = PAGES

    @classmethod
    def search_queryset(cls):
        return page_tree.public(cls.objects.live())

    def search_excerpt(self):
        return self.search_description

    def search_date(self):
        return self.first_published_at
