"""Filters of the initiatives' admin listing."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import AdvocacyStep, Initiative

#: Days in moderation after which an initiative counts as overdue.
MODERATION_OVERDUE_DAYS = 14


class InitiativeFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Overdue (in moderation over 14 days)"),
        method="filter_overdue",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Initiative
        fields = ["stage", "municipality", "live", "channel", "language"]

    def filter_overdue(self, queryset, name, value):
        cutoff = timezone.now() - datetime.timedelta(days=MODERATION_OVERDUE_DAYS)
        overdue = {"stage": Initiative.Stage.MODERATION, "stage_changed_at__lt": cutoff}
        if value is True:
            return queryset.filter(**overdue)
        if value is False:
            return queryset.exclude(**overdue)
        return queryset


class AdvocacyStepFilterSet(WagtailFilterSet):
    class Meta:
        model = AdvocacyStep
        fields = ["kind", "outcome"]
