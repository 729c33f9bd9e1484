"""Filters of the staff's admin listings: by municipality and organization."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from directory.models import Organization
from taxonomy.models import Municipality

from .models import Opportunity, SignUp


def _organizations(request):
    return Organization.objects.filter(
        volunteering_opportunities__isnull=False
    ).distinct()


class OpportunityFilterSet(WagtailFilterSet):
    organization = django_filters.ModelChoiceFilter(
        label=_("organization"), queryset=_organizations
    )

    class Meta:
        model = Opportunity
        fields = ["status", "municipality", "organization", "is_remote"]


class SignUpFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=_("municipality"),
        field_name="opportunity__municipality",
        queryset=Municipality.objects.all(),
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("organization"),
        field_name="opportunity__organization",
        queryset=_organizations,
    )

    class Meta:
        model = SignUp
        fields = ["status", "attended", "age_group"]
