"""Filters of the coordinators' admin listings."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from taxonomy.models import Municipality

from . import members
from .models import Exchange, Listing, Member, RelayedMessage, Transfer

INACTIVE_CHOICES = [
    ("3", _("No exchange for 3 months")),
    ("6", _("No exchange for 6 months")),
    ("12", _("No exchange for 12 months")),
]


class MemberFilterSet(WagtailFilterSet):
    inactive = django_filters.ChoiceFilter(
        label=_("Inactive"),
        choices=INACTIVE_CHOICES,
        method="filter_inactive",
        empty_label=_("Any"),
    )
    no_email = django_filters.BooleanFilter(
        label=_("Without a confirmed e-mail (served by phone)"),
        method="filter_no_email",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Member
        fields = ["status", "municipality", "channel"]

    def filter_inactive(self, queryset, name, value):
        return members.inactive(int(value), queryset.filter(status="approved"))

    def filter_no_email(self, queryset, name, value):
        condition = Q(email="") | Q(email_confirmed_at__isnull=True)
        if value is True:
            return queryset.filter(condition)
        if value is False:
            return queryset.exclude(condition)
        return queryset


class TransferFilterSet(WagtailFilterSet):
    occurred_on = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality of a member"),
        queryset=Municipality.objects.all(),
        method="filter_municipality",
    )

    class Meta:
        model = Transfer
        fields = ["kind", "channel"]

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(
            pk__in=Transfer.objects.filter(
                movements__account__member__municipality=value
            ).values("pk")
        )


class ExchangeFilterSet(WagtailFilterSet):
    class Meta:
        model = Exchange
        fields = ["status"]


class ListingFilterSet(WagtailFilterSet):
    class Meta:
        model = Listing
        fields = ["kind", "status", "category", "municipality"]


class RelayedMessageFilterSet(WagtailFilterSet):
    class Meta:
        model = RelayedMessage
        fields = ["delivered"]
