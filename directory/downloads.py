"""The directory as open data files: CSV, JSON and XLSX of the public fields.

Filtered like the directory page (same query parameters, same FilterSet),
built from the API's serializer, so the three files and the API agree. The
full download of a language (no filter) is a stored file built by a
background task when it is current (`directory.open_data`); a filtered one is
built in the request.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rest_framework.exceptions import ValidationError

from directory import open_data
from directory.api import requested_locale
from directory.forms import PublicOrganizationFilterSet
from directory.models import Organization


def download(request, fmt):
    """The download in `fmt`, or a 400 response for an unknown language or a
    filter that cannot be applied."""
    try:
        locale = requested_locale(request)
    except ValidationError:
        return HttpResponseBadRequest(
            _("Unknown language."), content_type="text/plain; charset=utf-8"
        )
    filterset = PublicOrganizationFilterSet(
        request.GET, queryset=Organization.objects.listed(locale)
    )
    if not filterset.is_valid():
        lines = [_("The filters could not be applied:")]
        for field, errors in filterset.errors.items():
            lines += [f"{field}: {error}" for error in errors]
        return HttpResponseBadRequest(
            "\n".join(lines), content_type="text/plain; charset=utf-8"
        )
    if not any(filterset.form.cleaned_data.values()):
        stored = open_data.stored_response(request, locale, fmt)
        if stored is not None:
            return stored
    return open_data.FORMATS[fmt](open_data.serialized(filterset.qs, request))


@require_GET
def organizations_csv(request):
    return download(request, "csv")


@require_GET
def organizations_json(request):
    return download(request, "json")


@require_GET
def organizations_xlsx(request):
    return download(request, "xlsx")
