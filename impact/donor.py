"""The donor report: the impact figures of a period and its events with
their attendance, as one XLSX workbook for the hub's reports to funders.

Numbers stay numbers; every text cell goes through `hub.tabular.safe_cell`.
"""

import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from home.models import EventType
from hub.tabular import XLSX_TYPE, attachment, safe_cell
from taxonomy.models import Municipality

from .figures import compute
from .providers.events import held_events, in_period


def cell(value):
    return value if isinstance(value, int) else safe_cell(value)


def sheet_title(number, title):
    """A unique, valid sheet name (31 characters, none of []:*?/\\)."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in str(title))
    return f"{number}. {cleaned}"[:31]


def workbook(period):
    """The workbook's bytes: a figures sheet, an events sheet, one per table."""
    from openpyxl import Workbook

    sections = compute(period)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Figures")[:31])
    sheet.append(
        [
            cell(_("Period")),
            cell(f"{period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"),
        ]
    )
    sheet.append(
        [
            cell(_("Section")),
            cell(_("Figure")),
            cell(_("Value")),
            cell(_("The hub's results report (three years)")),
        ]
    )
    for section in sections:
        for figure in section.figures:
            report = (
                f"{figure.report.value} {figure.report.label}" if figure.report else ""
            )
            sheet.append(
                [cell(section.title), cell(figure.label), figure.value, cell(report)]
            )
    events = book.create_sheet(_("Events")[:31])
    events.append(
        [
            cell(label)
            for label in (
                _("Date"),
                _("Event"),
                _("Type"),
                _("Municipality"),
                _("Participants"),
                _("Organizations represented"),
            )
        ]
    )
    types = dict(EventType.choices)
    places = {m.pk: m.name for m in Municipality.objects.all()}
    for event in in_period(held_events(), period):
        events.append(
            [
                cell(f"{event.day:%Y-%m-%d}"),
                cell(event.title),
                cell(str(types.get(event.event_type, event.event_type))),
                cell(places.get(event.municipality_id, "")),
                event.participants if event.has_report else cell(""),
                event.organizations if event.has_report else cell(""),
            ]
        )
    number = 2
    for section in sections:
        for table in section.tables:
            number += 1
            sheet = book.create_sheet(sheet_title(number, table.title))
            sheet.append([cell(text) for text in table.header])
            for row in table.rows:
                sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def response(period):
    filename = f"donor-report-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.xlsx"
    return attachment(HttpResponse(workbook(period), content_type=XLSX_TYPE), filename)
