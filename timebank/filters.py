"""The filters of the public listing of offers and requests."""

import logging

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from hub.analysis import build_query, query_terms
from taxonomy.models import Municipality

from .models import Category, Listing

logger = logging.getLogger(__name__)


#: The best matches kept from the search engine; partial words are matched in
#: the database besides.
MAX_SEARCH_RESULTS = 500


def matching_pks(query):
    """Pks of the public listings whose indexed text best matches `query`
    (Georgian stems, transliteration); [] if the search engine fails."""
    terms = query_terms(query)
    if not terms:
        return []
    try:
        results = get_search_backend().search(
            build_query(terms), Listing.objects.filter(live=True).only("pk")
        )
        return [listing.pk for listing in results[:MAX_SEARCH_RESULTS]]
    except Exception:  # the backends' errors have no common base class
        logger.exception("Time-bank search failed; using partial matching only")
        return []


class PublicListingFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=200, strip=True
    )
    kind = django_filters.ChoiceFilter(
        label=_("Offers or requests"),
        choices=[
            (Listing.Kind.OFFER, _("Offers")),
            (Listing.Kind.REQUEST, _("Requests")),
        ],
        empty_label=_("Offers and requests"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        empty_label=_("All municipalities"),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        to_field_name="slug",
        queryset=Category.objects.all(),
        empty_label=_("All categories"),
    )

    class Meta:
        model = Listing
        fields = []

    def search(self, queryset, name, value):
        partial = Q(title__icontains=value) | Q(description__icontains=value)
        return queryset.filter(Q(pk__in=matching_pks(value)) | partial)
