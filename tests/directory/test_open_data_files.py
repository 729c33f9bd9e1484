"""The full open-data downloads: stored files built by a background task,
served only while current, never stale (directory/open_data.py)."""

import csv
import io
import json
import zipfile

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from directory import open_data
from directory.factories import OrganizationFactory, translate
from directory.forms import create_with_free_slug
from directory.models import Organization
from directory.table_import import import_table
from directory.tasks import build_open_data_files
from home.factories import ImageFactory
from hub import stored_downloads
from taxonomy.models import Municipality, Topic
from tests.directory.test_import_export import PRIVATE, good_row, to_csv
from tests.downloads import (
    assert_a_change_queues_one_rebuild,
    assert_same_download,
    body,
    from_the_file,
    queued_runs,
)
from tests.worker import run_the_worker

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "json", "xlsx"]


def url(fmt, query=""):
    return f"/data/organizations.{fmt}" + (f"?{query}" if query else "")


def names(response):
    text = body(response).decode("utf-8")
    return {row["name"] for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def queued_rebuilds():
    return queued_runs(build_open_data_files)


def bulk_organizations(count):
    """`count` live Georgian organizations in one query per table."""
    georgian = Locale.objects.get(language_code="ka")
    telavi = Municipality.objects.get(slug="telavi")
    youth = Topic.objects.get(slug="youth")
    organizations = Organization.objects.bulk_create(
        Organization(
            locale=georgian,
            name=f"ორგანიზაცია {n:04d}",
            slug=f"bulk-{n}",
            description='=HYPERLINK("http://evil.example")',
            live=True,
            **PRIVATE,
        )
        for n in range(count)
    )
    for field, item in (("municipalities", telavi), ("fields_of_work", youth)):
        through = getattr(Organization, field).through
        through.objects.bulk_create(
            through(organization=organization, **{through_name(field): item})
            for organization in organizations
        )
    return organizations


def through_name(field):
    return "municipality" if field == "municipalities" else "topic"


@pytest.fixture
def organizations(db, django_capture_on_commit_callbacks):
    """Two organizations, one with a logo, an English copy and private data,
    saved as by a request: committed (tests run the rebuild task at once)."""
    with django_capture_on_commit_callbacks(execute=True):
        first = OrganizationFactory(
            name="თელავის ახალგაზრდული ცენტრი",
            municipalities=["telavi", "kvareli"],
            fields_of_work=["youth", "culture"],
            logo=ImageFactory(),
            **PRIVATE,
        )
        translate(first, name="Telavi Youth Centre")
        second = OrganizationFactory(
            name="ლაგოდეხის ფერმერთა კავშირი",
            municipalities=["lagodekhi"],
            description='=HYPERLINK("http://evil.example")',
        )
    return first, second


@pytest.fixture
def built(client, organizations):
    """The files the commit's rebuild built."""
    assert from_the_file(client.get(url("csv")))
    assert from_the_file(client.get(url("xlsx", "language=en")))
    return organizations


# --- Served from the stored file ----------------------------------------------


@pytest.mark.parametrize("count", [10, 200])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", ["ka", "en"])
def test_full_download_is_the_stored_file_and_the_same_bytes(
    client, count, fmt, language
):
    bulk_organizations(count)
    in_request = client.get(url(fmt, f"language={language}"))
    assert in_request.status_code == 200 and not from_the_file(in_request)

    build_open_data_files.enqueue()
    with CaptureQueriesContext(connection) as queries:
        stored = client.get(url(fmt, f"language={language}"))

    assert stored.status_code == 200 and from_the_file(stored)
    # The locales (default and ?language=), no row of the directory: the
    # same for 10 organizations and for 200.
    assert len(queries) <= 2, [q["sql"] for q in queries]
    assert not any("directory_organization" in q["sql"] for q in queries)
    assert_same_download(stored, in_request)


@pytest.mark.parametrize("fmt", FORMATS)
def test_logos_translations_and_formula_guard_are_the_same(client, built, fmt):
    open_data.forget()
    in_request = {
        lang: client.get(url(fmt, f"language={lang}")) for lang in ("ka", "en")
    }
    build_open_data_files.enqueue()
    for language, built_in_request in in_request.items():
        stored = client.get(url(fmt, f"language={language}"))
        assert from_the_file(stored) and not from_the_file(built_in_request)
        assert_same_download(stored, built_in_request)
    if fmt == "json":
        english = body(client.get(url("json", "language=en")))
        [with_logo] = [item for item in json.loads(english) if item["logo"]]
        assert with_logo["logo"].startswith("http://testserver/")
        assert with_logo["name"] == "Telavi Youth Centre"


def test_the_stored_file_is_what_is_sent(client, built):
    [name, _type] = cache.get(open_data.DOWNLOADS.built_key("ka"))["files"]["csv"]
    with open(default_storage.path(name), "ab") as file:
        file.write(b"appended to the stored file\r\n")

    assert body(client.get(url("csv"))).endswith(b"appended to the stored file\r\n")


def test_the_stored_files_hold_no_private_field(built):
    for name in default_storage.listdir(open_data.DOWNLOADS.folder)[1]:
        with default_storage.open(f"{open_data.DOWNLOADS.folder}/{name}") as file:
            content = file.read()
        if name.endswith(".xlsx"):
            content = b"".join(
                zipfile.ZipFile(io.BytesIO(content)).read(part)
                for part in zipfile.ZipFile(io.BytesIO(content)).namelist()
            )
        assert "თელავის".encode() in content or b"Telavi" in content, name
        for value in PRIVATE.values():
            assert value.encode() not in content, (name, value)


def test_old_files_are_removed_one_build_later(built):
    for _ in range(3):
        build_open_data_files.enqueue()
    # Two builds kept (a download may have just opened the older one),
    # of two languages and three formats.
    assert len(default_storage.listdir(open_data.DOWNLOADS.folder)[1]) == 2 * 2 * 3


# --- Never stale ----------------------------------------------------------------


def publish_new_name(organizations):
    organization = organizations[1]
    organization.name = "ლაგოდეხის ფერმერთა ახალი კავშირი"
    organization.save_revision().publish()


def unpublish(organizations):
    organizations[1].unpublish()


def delete(organizations):
    organizations[1].delete()


def rename_municipality(organizations):
    lagodekhi = Municipality.objects.get(slug="lagodekhi")
    lagodekhi.name_ka = "ლაგოდეხი-ახალი"
    lagodekhi.save()


def change_municipalities(organizations):
    organization = organizations[1]
    organization.municipalities.set([Municipality.objects.get(slug="telavi")])
    organization.save_revision().publish()


def replace_logo(organizations):
    image = organizations[0].logo
    image.file = ImageFactory.build().file
    image.save()


@pytest.mark.parametrize(
    "change",
    [
        publish_new_name,
        unpublish,
        delete,
        rename_municipality,
        change_municipalities,
        replace_logo,
    ],
)
def test_a_change_queues_one_rebuild_and_the_next_download_is_current(
    client, built, queued, change, monkeypatch, django_capture_on_commit_callbacks
):
    assert_a_change_queues_one_rebuild(
        client,
        url,
        lambda: change(built),
        build_open_data_files,
        lambda: run_the_worker(monkeypatch),
        django_capture_on_commit_callbacks,
    )


def test_the_change_shows_at_once_in_its_own_transaction(client, built):
    """No commit at all (as in every test): the version moved on the save."""
    publish_new_name(built)
    response = client.get(url("csv"))
    assert not from_the_file(response)
    assert "ლაგოდეხის ფერმერთა ახალი კავშირი" in names(response)


def test_drafts_and_proposals_queue_nothing_publishing_does(
    client, built, queued, django_capture_on_commit_callbacks
):
    organization = built[1]
    organization.name = "დრაფტის სახელი"
    with django_capture_on_commit_callbacks(execute=True):
        organization.save_revision()  # a draft of a listed organization
        proposal = Organization(locale=organization.locale, name="შემოთავაზებული")
        proposal.municipalities.set([Municipality.objects.get(slug="telavi")])
        create_with_free_slug(proposal)  # a new entry proposed: a draft

    response = client.get(url("csv"))
    assert from_the_file(response)
    assert "დრაფტის სახელი" not in names(response)
    assert queued_rebuilds() == 0

    with django_capture_on_commit_callbacks(execute=True):
        organization.save_revision().publish()
    assert queued_rebuilds() == 1
    assert "დრაფტის სახელი" in names(client.get(url("csv")))


def test_an_import_queues_one_rebuild(
    client, built, queued, tmp_path, django_capture_on_commit_callbacks
):
    rows = [
        good_row(
            identification_code=f"40512345{n}",
            name_ka=f"იმპორტირებული ორგანიზაცია {n}",
            name_en=f"Imported organization {n}",
            slug=f"imported-{n}",
        )
        for n in range(5)
    ]
    path = tmp_path / "directory.csv"
    path.write_text(to_csv(rows), encoding="utf-8")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result, problems = import_table(path)
    assert problems == [] and result.created == 5

    rebuilds = [c for c in callbacks if isinstance(c, stored_downloads.AtCommit)]
    assert len(rebuilds) == 1
    assert queued_rebuilds() == 1
    response = client.get(url("csv"))
    assert not from_the_file(response)
    assert "იმპორტირებული ორგანიზაცია 4" in names(response)


def test_a_stale_file_is_built_in_the_request_and_queued_once(
    client, built, queued, django_capture_on_commit_callbacks
):
    open_data.forget()  # as after the cache lost the version
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.get(url(fmt)) for fmt in FORMATS * 2]
    assert all(r.status_code == 200 and not from_the_file(r) for r in responses)
    assert queued_rebuilds() == 1


def test_in_development_the_first_download_builds_the_files_at_once(
    client, built, monkeypatch
):
    """Tasks run at once there, and a request commits as it goes."""
    open_data.forget()
    monkeypatch.setattr(
        stored_downloads.transaction, "on_commit", lambda callback: callback()
    )
    response = client.get(url("xlsx"))
    assert from_the_file(response)


def test_another_address_is_built_in_the_request_and_queues_nothing(
    client, built, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url("json"), HTTP_HOST="mirror.example.org")
    assert not from_the_file(response)
    assert '"url": "http://mirror.example.org/' in body(response).decode()
    assert queued_rebuilds() == 0


# --- Filtered downloads and errors are unchanged ---------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_filtered_downloads_are_built_in_the_request(client, built, fmt):
    response = client.get(url(fmt, "municipality=lagodekhi"))
    assert response.status_code == 200 and not from_the_file(response)
    if fmt == "csv":
        assert names(response) == {"ლაგოდეხის ფერმერთა კავშირი"}


def test_an_empty_filter_is_the_full_download(client, built):
    response = client.get(url("csv", "q=&municipality=&language=ka"))
    assert from_the_file(response)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("query", ["language=fr", "topic=nothing", "q=" + "x" * 300])
def test_bad_parameters_still_answer_400(client, built, fmt, query):
    response = client.get(url(fmt, query))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
