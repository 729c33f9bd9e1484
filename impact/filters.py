"""The impact page's filters: a year and a municipality, both optional.

Validated like every public form: a wrong value gives an error in the
visitor's language and a 400, never a 500.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Municipality

from .figures import FIRST_YEAR, Period


def year_choices():
    years = range(timezone.localdate().year, FIRST_YEAR - 1, -1)
    return [("", _("All years")), *((str(year), str(year)) for year in years)]


class PeriodFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Year"),
        choices=year_choices,
        coerce=int,
        required=False,
        empty_value=None,
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
    )

    def period(self):
        """The period asked for (all time, everywhere when unbound)."""
        if not self.is_bound:
            return Period()
        year = self.cleaned_data.get("year")
        municipality = self.cleaned_data.get("municipality")
        if year:
            return Period.year(year, municipality)
        return Period(municipality=municipality)

    def query_string(self):
        if not self.is_bound:
            return ""
        parts = []
        if self.cleaned_data.get("year"):
            parts.append(f"year={self.cleaned_data['year']}")
        if self.cleaned_data.get("municipality"):
            parts.append(f"municipality={self.cleaned_data['municipality'].slug}")
        return "&".join(parts)
