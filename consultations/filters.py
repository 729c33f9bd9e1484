"""Filters of the consultants' case list."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hub.roles import CONSULTANTS
from taxonomy.models import Municipality

from .models import Case


def consultants(request):
    return (
        get_user_model()
        .objects.filter(groups__name=CONSULTANTS)
        .order_by("first_name", "last_name", "username")
    )


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Case.Status.choices, label=_("Status")
    )
    kind = django_filters.ChoiceFilter(
        choices=Case.Kind.choices, label=_("Kind of help")
    )
    assignee = django_filters.ModelChoiceFilter(
        queryset=consultants, label=_("Consultant")
    )
    mine = django_filters.BooleanFilter(
        method="filter_mine",
        label=_("Assigned to me"),
        widget=django_filters.widgets.BooleanWidget(),
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue",
        label=_("Overdue (open and past the due date)"),
        widget=django_filters.widgets.BooleanWidget(),
    )
    follow_up_due = django_filters.BooleanFilter(
        method="filter_follow_up_due",
        label=_("Follow-up due (today or earlier)"),
        widget=django_filters.widgets.BooleanWidget(),
    )
    municipality = django_filters.ModelChoiceFilter(
        queryset=Municipality.objects.all(), label=_("Municipality")
    )
    outcome = django_filters.ChoiceFilter(
        choices=Case.Outcome.choices, label=_("Outcome")
    )

    class Meta:
        model = Case
        fields = []

    def filter_mine(self, queryset, name, value):
        if value is True:
            return queryset.filter(assignee=self.request.user)
        if value is False:
            return queryset.exclude(assignee=self.request.user)
        return queryset

    def filter_overdue(self, queryset, name, value):
        overdue = Case.objects.overdue().values("pk")
        if value is True:
            return queryset.filter(pk__in=overdue)
        if value is False:
            return queryset.exclude(pk__in=overdue)
        return queryset

    def filter_follow_up_due(self, queryset, name, value):
        due = {"follow_up_date__lte": timezone.localdate()}
        if value is True:
            return queryset.filter(**due)
        if value is False:
            return queryset.exclude(**due)
        return queryset
