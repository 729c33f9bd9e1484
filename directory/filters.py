"""Filters of the organizations listing in the admin."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from directory.models import Organization
from taxonomy.models import Municipality, Topic

#: After this long without confirmation an organization's data count as stale.
CONFIRMATION_VALID_FOR = datetime.timedelta(days=365)


def stale_confirmation_cutoff():
    return timezone.localdate() - CONFIRMATION_VALID_FOR


class OrganizationFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelMultipleChoiceFilter(
        field_name="municipalities__slug",
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        label=_("Municipality"),
        distinct=True,
    )
    field_of_work = django_filters.ModelMultipleChoiceFilter(
        field_name="fields_of_work__slug",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label=_("Field of work"),
        distinct=True,
    )
    legal_form = django_filters.ChoiceFilter(
        choices=Organization.LegalForm.choices, label=_("Legal form")
    )
    is_member = django_filters.BooleanFilter(label=_("Member of the hub"))
    status = django_filters.ChoiceFilter(
        choices=Organization.Status.choices, label=_("Status")
    )
    not_confirmed = django_filters.BooleanFilter(
        method="filter_not_confirmed",
        label=_("Not confirmed for over 12 months"),
    )

    class Meta:
        model = Organization
        fields = []

    def filter_not_confirmed(self, queryset, name, value):
        stale = Q(data_confirmed_on__isnull=True) | Q(
            data_confirmed_on__lt=stale_confirmation_cutoff()
        )
        if value is True:
            return queryset.filter(stale)
        if value is False:
            return queryset.exclude(stale)
        return queryset
