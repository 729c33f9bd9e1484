"""import_directory / export_directory: validation, matching, round trip."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from directory.factories import OrganizationFactory, translate
from directory.models import Organization
from directory.tabular import COLUMNS

PRIVATE = {
    "contact_person": "გიორგი მაისურაძე",
    "contact_person_phone": "+995 577 000 111",
    "contact_person_email": "giorgi.private@example.org",
    "submitter_email": "sender.private@example.org",
    "staff_notes": "შიდა: არ გამოაქვეყნოთ",
}


def export():
    out = io.StringIO()
    call_command("export_directory", stdout=out)
    return out.getvalue()


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def to_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def run_import(tmp_path, content, *args, encoding="utf-8"):
    path = tmp_path / "directory.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command(
            "import_directory",
            str(path),
            "--language=en",
            *args,
            stdout=out,
            stderr=err,
        )
    except CommandError as raised:
        error = str(raised)
    return out.getvalue(), err.getvalue(), error


def snapshot():
    """Everything an import could change, to compare before and after."""
    organizations = []
    for o in Organization.objects.order_by("pk"):
        values = {f.attname: getattr(o, f.attname) for f in o._meta.concrete_fields}
        values["municipalities"] = sorted(m.slug for m in o.municipalities.all())
        values["fields_of_work"] = sorted(t.slug for t in o.fields_of_work.all())
        organizations.append(values)
    return {
        "organizations": organizations,
        "history": Organization.history.count(),
        "revisions": Revision.objects.count(),
    }


def good_row(**changes):
    row = {
        "identification_code": "405123456",
        "name_ka": "ახმეტის ახალგაზრდული კლუბი",
        "name_en": "Akhmeta Youth Club",
        "slug": "akhmeta-youth-club",
        "legal_form": "nnle",
        "founding_year": "2011",
        "municipalities": "akhmeta;telavi",
        "fields_of_work": "youth;education",
        "address_ka": "ახმეტა, ჩოლოყაშვილის ქ. 5",
        "address_en": "5 Cholokashvili St, Akhmeta",
        "target_groups_ka": "ახალგაზრდები",
        "target_groups_en": "Young people",
        "description_ka": "არაფორმალური განათლება ახალგაზრდებისთვის.",
        "description_en": "Non-formal education for young people.",
        "email": "club@example.org",
        "phone": "+995 350 272 000",
        "website": "https://club.example.org/",
        "facebook_url": "",
        "is_member": "true",
        "status": "active",
        "data_confirmed_on": "2026-03-01",
        "is_sample": "false",
    }
    row.update(changes)
    return row


@pytest.fixture
def published(db):
    """Two organizations, one with an English translation and private data."""
    first = OrganizationFactory(
        municipalities=["telavi", "kvareli"],
        fields_of_work=["youth", "culture"],
        is_member=True,
        description="აღწერა\nორ სტრიქონზე, „ბრჭყალებით“; და წერტილ-მძიმით",
        **PRIVATE,
    )
    translate(first, description="Description on\ntwo lines")
    second = OrganizationFactory(identification_code="", founding_year=None)
    return first, second


def test_export_has_public_columns_both_languages_and_no_private_data(published):
    text = export()

    rows = rows_of(text)
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 2
    by_name = {row["name_ka"]: row for row in rows}
    first = by_name[published[0].name]
    assert first["name_en"] == "Telavi Youth Centre" or first["name_en"]
    assert first["municipalities"] == "kvareli;telavi"
    assert first["fields_of_work"] == "culture;youth"
    assert first["is_member"] == "true"
    assert first["description_en"] == "Description on\ntwo lines"
    for value in PRIVATE.values():
        assert value not in text


def test_export_leaves_out_drafts(published):
    published[1].live = False
    published[1].save()

    assert [row["name_ka"] for row in rows_of(export())] == [published[0].name]


def test_export_to_file(published, tmp_path):
    target = tmp_path / "out.csv"

    call_command("export_directory", str(target))

    assert target.read_text(encoding="utf-8") == export()


def test_round_trip_changes_nothing(published, tmp_path):
    before = snapshot()

    out, err, error = run_import(tmp_path, export())

    assert error is None and err == ""
    assert "2 unchanged" in out
    assert snapshot() == before


def test_round_trip_into_an_empty_directory_is_lossless(published, tmp_path):
    exported = export()
    Organization.objects.all().delete()

    out, _err, error = run_import(tmp_path, exported)

    assert error is None
    assert "2 organizations created" in out
    assert export() == exported
    english = Organization.objects.filter(locale__language_code="en").get()
    assert english.description == "Description on\ntwo lines"


def test_import_creates_with_translation_and_reimport_creates_no_duplicates(
    db, tmp_path
):
    content = to_csv([good_row()])

    out, _err, error = run_import(tmp_path, content)
    assert error is None and "1 organization created" in out
    history_rows = Organization.history.count()

    out, _err, error = run_import(tmp_path, content)

    assert error is None and "1 unchanged" in out
    assert Organization.history.count() == history_rows
    georgian = Organization.objects.get(locale__language_code="ka")
    english = Organization.objects.get(locale__language_code="en")
    assert georgian.translation_key == english.translation_key
    assert georgian.live and english.live and not georgian.has_unpublished_changes
    assert english.name == "Akhmeta Youth Club"
    assert {m.slug for m in english.municipalities.all()} == {"akhmeta", "telavi"}
    assert georgian.latest_revision_id and georgian.live_revision_id


def test_import_updates_by_code_then_by_name_and_municipality(published, tmp_path):
    first, second = published
    rows = rows_of(export())
    for row in rows:
        if row["identification_code"] == first.identification_code:
            row["name_ka"] = "ახალი სახელი"  # matched by code, renamed
            row["slug"] = first.slug
        else:
            row["phone"] = "+995 599 999 999"  # no code: matched by name + place

    out, _err, error = run_import(tmp_path, to_csv(rows))

    assert error is None and "2 updated" in out
    assert Organization.objects.filter(locale__language_code="ka").count() == 2
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.name == "ახალი სახელი"
    assert second.phone == "+995 599 999 999"
    assert first.contact_person == PRIVATE["contact_person"]  # private data kept


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "The file is empty"),
        (b"name;code\nx;y\n", "missing columns"),
        ("\ufeff".encode() + b"\xff\xfe\x00bad", "not UTF-8"),
        (
            to_csv([good_row()]).encode("utf-16"),
            "not UTF-8",
        ),
        (
            to_csv([]).encode(),
            "no organizations",
        ),
        (
            (",".join(COLUMNS) + ",extra\n").encode(),
            "unknown columns: extra",
        ),
    ],
)
def test_malformed_files_are_rejected(published, tmp_path, content, message):
    before = snapshot()

    _out, _err, error = run_import(tmp_path, content)

    assert error is not None and message in error
    assert "Nothing was imported" in error
    assert snapshot() == before


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"identification_code": "12345678"}, "exactly 9 digits"),
        ({"identification_code": "40512345X"}, "exactly 9 digits"),
        ({"municipalities": "telavi;atlantis"}, "Unknown municipality: atlantis"),
        ({"municipalities": ""}, "municipalities: This field is required"),
        ({"fields_of_work": "knitting"}, "Unknown field of work: knitting"),
        ({"founding_year": "1850"}, "founding_year"),
        ({"founding_year": "3000"}, "founding_year"),
        ({"legal_form": "company"}, "legal_form"),
        ({"is_member": "maybe"}, "“true” or “false”"),
        ({"data_confirmed_on": "01.03.2026"}, "data_confirmed_on"),
        ({"email": "not-an-email"}, "email"),
        ({"name_ka": ""}, "name_ka: This field is required"),
    ],
)
def test_bad_rows_are_reported_with_line_and_reason(published, tmp_path, bad, message):
    before = snapshot()
    rows = [good_row(identification_code="405000001", slug="a"), good_row(**bad)]

    out, err, error = run_import(tmp_path, to_csv(rows))

    assert "Line 3:" in err and message in err
    assert "Line 2:" not in err
    assert "1 bad row; nothing was imported" in error
    assert snapshot() == before


def test_duplicate_rows_in_the_file_are_rejected(published, tmp_path):
    before = snapshot()
    rows = [
        good_row(),
        good_row(slug="other-slug"),  # same code as line 2
        good_row(identification_code="", name_ka="ქალთა ფონდი", slug="w1"),
        good_row(identification_code="", name_ka="ქალთა ფონდი", slug="w2"),
    ]

    _out, err, error = run_import(tmp_path, to_csv(rows))

    assert "Line 3: Duplicate of line 2 (same identification code)." in err
    assert "Line 5: Duplicate of line 4 (same name and municipality)." in err
    assert "2 bad rows" in error
    assert snapshot() == before


def test_row_clashing_with_the_database_is_rejected(published, tmp_path):
    first, _second = published
    before = snapshot()

    _out, err, error = run_import(tmp_path, to_csv([good_row(slug=first.slug)]))

    assert "Line 2: slug: another organization already uses" in err
    assert error and snapshot() == before


def test_wrong_number_of_cells_is_reported(published, tmp_path):
    content = to_csv([good_row()]) + "only,three,cells\n"

    _out, err, error = run_import(tmp_path, content)

    assert "Line 3: This row has 3 cells; the header has 22." in err
    assert error


def test_skip_invalid_imports_the_good_rows(published, tmp_path):
    rows = [good_row(), good_row(identification_code="1", slug="b")]

    out, err, error = run_import(tmp_path, to_csv(rows), "--skip-invalid")

    assert error is None
    assert "Line 3:" in err
    assert "1 organization created" in out and "1 bad row skipped" in out
    assert Organization.objects.filter(identification_code="405123456").count() == 2


def test_messages_in_georgian_by_default(published, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(to_csv([good_row(municipalities="atlantis")]), encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import_directory", str(path), stderr=err)

    assert "სტრიქონი 2: municipalities: უცნობი მუნიციპალიტეტი: atlantis." in (
        err.getvalue()
    )
    assert "არაფერი იმპორტირებულა" in str(raised.value)


def test_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_directory", str(tmp_path / "nope.csv"), "--language=en")
