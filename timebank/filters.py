"""The filters of the public listing of offers and requests."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hub.analysis import terms_condition
from taxonomy.models import Municipality

from .models import Category, Listing


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
        """Listings whose words match every typed word in one of its forms
        (Georgian stems, transliteration: `hub.analysis`), or whose title or
        description contains the typed text."""
        condition = Q(title__icontains=value) | Q(description__icontains=value)
        words = terms_condition("search_terms", value)
        return queryset.filter(condition | words if words else condition)
