"""/impact/: the hub's results computed from its data, and their downloads."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from hub.tabular import csv_response, xlsx_response

from .charts import bar_chart
from .figures import impact, table
from .filters import PeriodFilterForm

FORMATS = ("csv", "xlsx")


def index(request):
    form = PeriodFilterForm(request.GET or None)
    sections = []
    if not form.is_bound or form.is_valid():
        sections = [
            (section, [(item, bar_chart(item)) for item in section.tables])
            for section in impact(form.period())
        ]
    response = render(
        request,
        "impact/index.html",
        {
            "filter_form": form,
            "sections": sections,
            "query": form.query_string() if not form.errors else "",
            "cache_content": True,  # hub/content_cache.py
        },
    )
    if form.errors:
        response.status_code = 400
    return response


def download(request, key, extension):
    """One table of the page as CSV or XLSX, with the page's filters."""
    if extension not in FORMATS:
        raise Http404
    form = PeriodFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(
            errors, status=400, content_type="text/plain; charset=utf-8"
        )
    found = table(impact(form.period()), key)
    if found is None:
        raise Http404
    period = form.period()
    suffix = "".join(
        f"-{part}"
        for part in (
            period.start.year if period.start else "",
            period.municipality.slug if period.municipality else "",
        )
        if part
    )
    filename = f"impact-{key}{suffix}.{extension}"
    if extension == "csv":
        return csv_response(filename, found.header, found.rows)
    return xlsx_response(filename, _("Impact"), found.header, found.rows)
