from django import forms
from django.utils.translation import gettext_lazy as _

from search.kinds import kind_choices
from taxonomy.forms import CachedMunicipalityField
from taxonomy.models import Municipality

# Longer queries are cut here: no one types more, and Wagtail's query log
# keeps 255 characters.
MAX_QUERY_LENGTH = 255


class SearchForm(forms.Form):
    """The site search box with its content type and municipality filters."""

    q = forms.CharField(
        label=_("Search for"), required=False, strip=True, max_length=None
    )
    type = forms.ChoiceField(
        label=_("Content type"),
        required=False,
        choices=lambda: [("", _("All content")), *kind_choices()],
        error_messages={"invalid_choice": _("There is no such content type.")},
    )
    municipality = CachedMunicipalityField(
        label=_("Municipality"),
        required=False,
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("All municipalities"),
        error_messages={"invalid_choice": _("There is no such municipality.")},
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        self.shortened = len(query) > MAX_QUERY_LENGTH
        return query[:MAX_QUERY_LENGTH]
