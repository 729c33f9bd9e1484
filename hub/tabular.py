"""Tables as downloads: CSV, XLSX and JSON responses, with one formula guard.

Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@` (or a tab
or carriage return before one) as a formula ("CSV injection"), and much of what
the hub exports was typed by the public. Every table the project produces,
public or admin, goes through `safe_cell`: such a cell gets a leading `'`,
which spreadsheets show as text. A value made only of digits, spaces and
brackets after its sign (a phone number such as "+995 555 52 02 34", a negative
number) cannot call anything and is left as it is.
"""

import csv
import io
import json
import re

from django.http import HttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# ASCII digits and spaces only: "+١٢٣" (Arabic-Indic digits) is no phone number.
FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![0-9 ()]+$))")


def safe_cell(value):
    """`value` as spreadsheet text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if FORMULA.match(text) else text


def unsafe_cell(text):
    """The value `safe_cell` guarded (for importing a table the hub exported)."""
    if text.startswith("'") and FORMULA.match(text[1:]):
        return text[1:]
    return text


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, header, rows):
    """A CSV download; every cell guarded. UTF-8 with a BOM, so spreadsheet
    programs read Georgian correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return attachment(response, filename)


def xlsx_response(filename, sheet_title, header, rows):
    """An XLSX download of one sheet; every cell is guarded text."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title)[:31])
    sheet.append([safe_cell(cell) for cell in header])
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)


def json_response(filename, data):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1, default=str),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, filename)


def guard_exported_value(value, export_format):
    """An admin export's cell, as `preprocess_field_value` left it, guarded.

    Text always goes through `safe_cell`; in a CSV every cell is text. Numbers,
    dates and booleans of an XLSX stay typed: a spreadsheet never runs them.
    """
    if isinstance(value, str) or (export_format == "csv" and value is not None):
        return safe_cell(value)
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail admin viewsets' index views (`list_export`): the same guard
    on every CSV and XLSX cell of the admin's own exports.

    `install_export_guard()` (run by `hub.apps`) puts the same guard on
    Wagtail's own base class, so its reports (site history, workflows, ...)
    and any viewset that forgets this mixin are guarded too; the mixin stays
    as the visible declaration on the project's viewsets.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return guard_exported_value(value, export_format)


def install_export_guard():
    """Guard every Wagtail spreadsheet export (viewsets and reports) at once."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    unguarded = SpreadsheetExportMixin.preprocess_field_value
    if getattr(unguarded, "formula_guard", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = unguarded(self, field, value, export_format)
        return guard_exported_value(value, export_format)

    preprocess_field_value.formula_guard = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
