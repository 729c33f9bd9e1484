"""The directory as open data files: CSV, JSON and XLSX of the public fields.

Filtered like the directory page (same query parameters, same FilterSet),
built from the API's serializer, so the three files and the API agree.
"""

import csv
import io
import json
import re

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from rest_framework.exceptions import ValidationError

from directory.api import OrganizationSerializer, requested_locale
from directory.forms import OrganizationFilterSet, listed_organizations

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheets run a cell starting with =, @, + or - as a formula ("CSV
# injection"); a phone number such as "+995 555 52 02 34" is left alone.
FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s()]+$))")


def exported(request):
    """(serialized organizations, None) or (None, a 400 response)."""
    try:
        locale = requested_locale(request)
    except ValidationError:
        return None, HttpResponseBadRequest(
            _("Unknown language."), content_type="text/plain; charset=utf-8"
        )
    filterset = OrganizationFilterSet(
        request.GET, queryset=listed_organizations(locale)
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
    """One spreadsheet row: lists joined, taxonomy in the item's language."""
    name_key = "name_en" if item["language"] == "en" else "name_ka"
    row = []
    for value in item.values():
        if isinstance(value, list):
            value = "; ".join(entry[name_key] for entry in value)
        elif value is None:
            value = ""
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        else:
            value = str(value)
        if FORMULA.match(value):
            value = "'" + value
        row.append(value)
    return row


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def organizations_csv(request):
    items, error = exported(request)
    if error:
        return error
    buffer = io.StringIO()
    buffer.write("\ufeff")  # lets spreadsheet programs read UTF-8 Georgian
    writer = csv.writer(buffer)
    writer.writerow(OrganizationSerializer.Meta.fields)
    writer.writerows(flat_row(item) for item in items)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return attachment(response, "organizations.csv")


@require_GET
def organizations_json(request):
    items, error = exported(request)
    if error:
        return error
    response = HttpResponse(
        json.dumps(items, ensure_ascii=False, indent=1, default=str),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, "organizations.json")


@require_GET
def organizations_xlsx(request):
    items, error = exported(request)
    if error:
        return error
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Organizations"))
    sheet.append(OrganizationSerializer.Meta.fields)
    for item in items:
        sheet.append(flat_row(item))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    return attachment(response, "organizations.xlsx")
