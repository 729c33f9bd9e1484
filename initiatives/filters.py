"""Filters of the initiatives' admin listing."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from . import desk
from .models import AdvocacyStep, Initiative


class InitiativeFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Overdue in moderation"),
        method="filter_overdue",
        widget=django_filters.widgets.BooleanWidget(),
        help_text=_("In moderation for longer than the review deadline."),
    )

    class Meta:
        model = Initiative
        fields = ["stage", "municipality", "live", "channel", "language"]

    def filter_overdue(self, queryset, name, value):
        cutoff = timezone.now() - datetime.timedelta(days=desk.overdue_days())
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
