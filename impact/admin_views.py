"""The donor report in the admin: staff choose a period, get an XLSX."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from . import donor
from .figures import FIRST_YEAR, Period

PERMISSION = "impact.export_donor_report"


class DonorReportForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        widget=AdminDateInput,
        help_text=_("First day of the period, included."),
    )
    end = forms.DateField(
        label=_("To"),
        widget=AdminDateInput,
        help_text=_("Last day of the period, included."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start.year < FIRST_YEAR:
            self.add_error(
                "start",
                _("The hub's data start in %(year)s.") % {"year": FIRST_YEAR},
            )
        if start and end and end < start:
            self.add_error("end", _("The end cannot be before the start."))
        return cleaned


class DonorReportView(WagtailAdminTemplateMixin, FormView):
    template_name = "impact/admin/donor_report.html"
    form_class = DonorReportForm
    page_title = _("Donor report")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        period = Period(form.cleaned_data["start"], form.cleaned_data["end"])
        return donor.response(period)
