"""The filter forms of the news and event listings.

Filter values arrive in the query string; an unknown one is a form error shown
to the visitor (status 400), never a server error.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Municipality, Topic


class TermChoiceField(forms.ModelChoiceField):
    """A taxonomy term chosen by its slug, labelled in the active language."""

    def label_from_instance(self, obj):
        return obj.name


class ListingFilterForm(forms.Form):
    topic = TermChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
        error_messages={"invalid_choice": _("There is no such topic.")},
    )
    municipality = TermChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
        error_messages={"invalid_choice": _("There is no such municipality.")},
    )

    def filter(self, queryset):
        """`queryset` narrowed by the valid filters (call after is_valid())."""
        data = self.cleaned_data
        if data.get("topic"):
            queryset = queryset.filter(topics=data["topic"])
        if data.get("municipality"):
            queryset = queryset.filter(municipality=data["municipality"])
        return queryset

    @property
    def querystring(self):
        """The active filters as a query string prefix for pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        parts = [
            f"{name}={value.slug}"
            for name, value in self.cleaned_data.items()
            if hasattr(value, "slug")
        ]
        parts += [
            f"{name}={value}"
            for name, value in self.cleaned_data.items()
            if isinstance(value, str) and value
        ]
        return "&".join(parts)


class NewsFilterForm(ListingFilterForm):
    pass


class EventFilterForm(ListingFilterForm):
    UPCOMING = "upcoming"
    PAST = "past"

    when = forms.ChoiceField(
        label=_("When"),
        choices=[(UPCOMING, _("Upcoming")), (PAST, _("Past"))],
        required=False,
        error_messages={"invalid_choice": _("Choose upcoming or past events.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        error_messages={"invalid_choice": _("There is no such type of event.")},
    )

    field_order = ["when", "type", "topic", "municipality"]

    def __init__(self, *args, **kwargs):
        from home.models.events import EventType

        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *EventType.choices]

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("type"):
            queryset = queryset.filter(event_type=self.cleaned_data["type"])
        return queryset
