"""The directory as open data files: CSV, JSON and XLSX of the public fields.

Filtered like the directory page (same query parameters, same FilterSet),
built from the API's serializer, so the three files and the API agree.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rest_framework.exceptions import ValidationError

from directory.api import OrganizationSerializer, requested_locale
from directory.forms import PublicOrganizationFilterSet
from directory.models import Organization
from hub import tabular


def exported(request):
    """(serialized organizations, None) or (None, a 400 response)."""
    try:
        locale = requested_locale(request)
    except ValidationError:
        return None, HttpResponseBadRequest(
            _("Unknown language."), content_type="text/plain; charset=utf-8"
        )
    filterset = PublicOrganizationFilterSet(
        request.GET, queryset=Organization.objects.listed(locale)
    )
    if not filterset.is_valid():
        lines = [_("The filters could not be applied:")]
        for field, errors in filterset.errors.items():
            lines += [f"{field}: {error}" for error in errors]
        return None, HttpResponseBadRequest(
            "\n".join(lines), content_type="text/plain; charset=utf-8"
        )
    serializer = OrganizationSerializer(
        filterset.qs, many=True, context={"request": request}
    )
    return serializer.data, None


def flat_row(item):
    """One spreadsheet row: lists joined, taxonomy in the item's language and
    in that language's alphabetical order."""
    name_key = "name_en" if item["language"] == "en" else "name_ka"
    row = []
    for value in item.values():
        if isinstance(value, list):
            value = "; ".join(sorted(entry[name_key] for entry in value))
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        row.append(value)
    return row


@require_GET
def organizations_csv(request):
    items, error = exported(request)
    if error:
        return error
    return tabular.csv_response(
        "organizations.csv",
        OrganizationSerializer.Meta.fields,
        (flat_row(item) for item in items),
    )


@require_GET
def organizations_json(request):
    items, error = exported(request)
    if error:
        return error
    return tabular.json_response("organizations.json", items)


@require_GET
def organizations_xlsx(request):
    items, error = exported(request)
    if error:
        return error
    return tabular.xlsx_response(
        "organizations.xlsx",
        _("Organizations"),
        OrganizationSerializer.Meta.fields,
        (flat_row(item) for item in items),
    )
