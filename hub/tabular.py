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
FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s()]+$))")


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


class SafeSpreadsheetExportMixin:
    """For Wagtail admin viewsets' index views (`list_export`): the same guard
    on every CSV and XLSX cell of the admin's own exports."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) or (
            export_format == self.FORMAT_CSV and value is not None
        ):
            return safe_cell(value)
        return value
