"""CSV, JSON and XLSX downloads of the directory, filtered like the page."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from directory.factories import OrganizationFactory, translate
from directory.public_fields import PRIVATE_FIELDS, PUBLIC_FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizations(db):
    return [
        OrganizationFactory(
            name="თელავის ახალგაზრდული ცენტრი",
            slug="telavi-youth",
            municipalities=["telavi", "kvareli"],
            fields_of_work=["youth"],
            description="არაფორმალური განათლება.",
            target_groups="ახალგაზრდები",
            phone="+995 350 27 00 00",
        ),
        OrganizationFactory(
            name="ლაგოდეხის ფერმერთა კავშირი",
            slug="lagodekhi-farmers",
            municipalities=["lagodekhi"],
            fields_of_work=["agriculture"],
            legal_form="union",
            description='=HYPERLINK("http://evil.example")',
            target_groups="ფერმერები",
        ),
        OrganizationFactory(slug="draft", name="დრაფტი", live=False),
    ]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_rows(response):
    return json.loads(response.content)


READERS = {"csv": csv_rows, "xlsx": xlsx_rows, "json": json_rows}


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_download_has_the_public_fields_of_live_organizations(
    client, organizations, fmt
):
    response = client.get(f"/data/organizations.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="organizations.{fmt}"'
    )
    rows = READERS[fmt](response)
    assert sorted(row["name"] for row in rows) == sorted(
        o.name for o in organizations[:2]
    )
    assert set(rows[0]) == {"id", "translation_key", "language", "url", *PUBLIC_FIELDS}
    assert not set(rows[0]) & set(PRIVATE_FIELDS)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("municipality=kvareli", ["თელავის ახალგაზრდული ცენტრი"]),
        ("topic=agriculture", ["ლაგოდეხის ფერმერთა კავშირი"]),
        ("legal_form=union", ["ლაგოდეხის ფერმერთა კავშირი"]),
        ("q=ახალგაზრდ", ["თელავის ახალგაზრდული ცენტრი"]),
        ("q=ფერმერთა&municipality=telavi", []),
    ],
)
def test_downloads_are_filtered_like_the_page(
    client, organizations, fmt, query, expected
):
    rows = READERS[fmt](client.get(f"/data/organizations.{fmt}?{query}"))
    page = client.get(f"/organizations/?{query}")
    assert [row["name"] for row in rows] == expected
    assert [o.name for o in page.context["organizations"]] == expected


def test_spreadsheet_cells_are_flat_and_not_formulas(client, organizations):
    rows = {row["slug"]: row for row in csv_rows(client.get("/data/organizations.csv"))}
    assert (
        rows["telavi-youth"]["municipalities"] == "თელავი; ყვარელი"
    )  # in Georgian alphabetical order, not by the English names
    assert rows["telavi-youth"]["phone"] == "+995 350 27 00 00"
    assert rows["lagodekhi-farmers"]["description"].startswith("'=HYPERLINK")
    sheet_rows = xlsx_rows(client.get("/data/organizations.xlsx"))
    farmers = next(r for r in sheet_rows if r["slug"] == "lagodekhi-farmers")
    assert farmers["description"].startswith("'=")


def test_english_download_uses_english_names_and_falls_back(client, organizations):
    translate(organizations[0], name="Telavi Youth Centre", slug="youth-en")
    rows = csv_rows(client.get("/data/organizations.csv?language=en"))
    assert {(row["name"], row["language"]) for row in rows} == {
        ("Telavi Youth Centre", "en"),
        ("ლაგოდეხის ფერმერთა კავშირი", "ka"),
    }
    english = next(row for row in rows if row["language"] == "en")
    assert english["municipalities"] == "Kvareli; Telavi"


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
@pytest.mark.parametrize(
    "query",
    ["municipality=atlantis", "legal_form=plc", "language=fr", "q=" + "x" * 300],
)
def test_bad_filters_are_explained_not_500(client, organizations, fmt, query):
    response = client.get(f"/data/organizations.{fmt}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content


def test_downloads_are_get_only(client, organizations):
    assert client.post("/data/organizations.csv").status_code == 405
