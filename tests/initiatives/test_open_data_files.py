"""The initiatives' full open-data downloads: stored files built by a
background task, served only while current, never stale (initiatives/exports.py,
hub/stored_downloads.py)."""

import csv
import io
import json

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models.signals import post_migrate
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model

from directory.factories import OrganizationFactory
from hub import stored_downloads
from initiatives import factories, journey
from initiatives.exports import COLUMNS, DOWNLOADS
from initiatives.models import AdvocacyStep, Initiative
from initiatives.tasks import build_open_data_files
from taxonomy.factories import municipality, topic
from tests.downloads import (
    assert_a_change_queues_one_rebuild,
    assert_same_download,
    body,
    from_the_file,
    queued_runs,
)
from tests.initiatives.public_helpers import published
from tests.worker import run_the_worker

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "json"]
#: The authors' private data: in no file.
PRIVATE = [
    "Private Person Name",
    "private.author@example.org",
    "+995 599 11 22 33",
    "Rustaveli Street 1, Telavi",
    "hidden.author@example.org",
    "Not yet published",
]


def url(fmt, query=""):
    return f"/data/initiatives.{fmt}" + (f"?{query}" if query else "")


def titles(response):
    text = body(response).decode("utf-8-sig")
    return {row["title"] for row in csv.DictReader(io.StringIO(text))}


def queued_rebuilds():
    return queued_runs(build_open_data_files)


def bulk_initiatives(count, start=0):
    """`count` published initiatives in one query per table (no signal)."""
    now = timezone.now()
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            title=f"ინიციატივა {n:04d}",
            summary="მოკლედ.",
            problem="პრობლემა.",
            solution="გადაწყვეტა.",
            request_to_municipality='=HYPERLINK("http://evil.example")',
            municipality=municipality("telavi"),
            author_name=f"Private Person Name {n}",
            author_email=f"private.author{n}@example.org",
            public_name=Initiative.PublicName.INITIALS,
            consent_given_at=now,
            stage=Initiative.Stage.SENT,
            accepted_at=now,
            first_published_at=now,
            live=True,
        )
        for n in range(start, start + count)
    )
    through = Initiative.topics.through
    through.objects.bulk_create(
        through(initiative=initiative, topic=topic("youth"))
        for initiative in initiatives
    )
    AdvocacyStep.objects.bulk_create(
        AdvocacyStep(
            initiative=initiative,
            kind=AdvocacyStep.Kind.SENT,
            date=timezone.localdate(),
        )
        for initiative in initiatives
    )


@pytest.fixture
def initiatives(db, django_capture_on_commit_callbacks):
    """Two published initiatives (a supporting organization, topics, steps
    with a letter, a formula, an author shown by initials) and one in
    moderation, saved as by requests: committed (tests run the rebuild task
    at once)."""
    with django_capture_on_commit_callbacks(execute=True):
        letter = get_document_model().objects.create(
            title="Letter to Telavi City Hall",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="letter.pdf"),
        )
        first = published(
            title="Solar lights on the school road",
            language="en",
            topics=[topic("environment"), topic("youth")],
            supporting_organization=OrganizationFactory(name="ფერმერთა კავშირი"),
            author_name="Nino Beridze",
            author_email="hidden.author@example.org",
            steps=[
                (AdvocacyStep.Kind.SENT, {"letter": letter}),
                (AdvocacyStep.Kind.ANSWER, {"text": "Funded next year."}),
            ],
        )
        second = published(
            title='=HYPERLINK("http://evil.example")',
            language="ka",
            municipality=municipality("kvareli"),
            public_name=Initiative.PublicName.INITIALS,
            author_name="Private Person Name",
            author_email="private.author@example.org",
            author_phone="+995 599 11 22 33",
            author_address="Rustaveli Street 1, Telavi",
        )
        factories.in_moderation(
            title="Not yet published", author_email="hidden.author@example.org"
        )
    return first, second


@pytest.fixture
def built(client, initiatives):
    """The files the commit's rebuild built."""
    assert from_the_file(client.get(url("csv")))
    assert from_the_file(client.get(url("json", "language=en")))
    return initiatives


# --- Served from the stored file ----------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", ["ka", "en"])
def test_full_download_is_the_stored_file_and_the_same_bytes(
    client, built, fmt, language
):
    bulk_initiatives(20)
    DOWNLOADS.forget()  # bulk writes send no signal
    in_request = client.get(url(fmt, f"language={language}"))
    assert in_request.status_code == 200 and not from_the_file(in_request)

    build_open_data_files.enqueue()
    stored = client.get(url(fmt, f"language={language}"))

    assert stored.status_code == 200 and from_the_file(stored)
    assert_same_download(stored, in_request)
    if fmt == "json":
        records = json.loads(body(in_request))  # the same bytes
        assert len(records) == 22 and all(list(r) == COLUMNS for r in records)
        [solar] = [r for r in records if r["title"].startswith("Solar")]
        assert solar["supporting_organization"] == "ფერმერთა კავშირი"
        assert solar["advocacy_steps"][0]["letter"].startswith("http://testserver/")
        prefix = "" if language == "ka" else "/en"
        assert solar["url"].startswith(f"http://testserver{prefix}/initiatives/")


def test_query_counts_do_not_grow_with_the_initiatives(client):
    client.get(url("json"))  # the site and its settings, cached from now on
    counts = []
    for start, count in ((0, 10), (10, 90)):
        bulk_initiatives(count, start)
        DOWNLOADS.forget()
        with CaptureQueriesContext(connection) as in_request:
            assert not from_the_file(client.get(url("json")))
        build_open_data_files.enqueue()
        with CaptureQueriesContext(connection) as stored:
            response = client.get(url("json"))
        assert from_the_file(response)
        assert len(json.loads(body(response))) == start + count
        assert not any("initiatives_initiative" in q["sql"] for q in stored)
        counts.append((len(in_request), len(stored)))
    assert counts[0] == counts[1], counts


def test_the_stored_file_is_what_is_sent(client, built):
    [name, _type] = cache.get(DOWNLOADS.built_key("ka"))["files"]["csv"]
    with open(default_storage.path(name), "ab") as file:
        file.write(b"appended to the stored file\r\n")

    assert body(client.get(url("csv"))).endswith(b"appended to the stored file\r\n")


def test_the_stored_files_hold_no_private_field(built):
    files = default_storage.listdir(DOWNLOADS.folder)[1]
    assert len(files) == 2 * 2  # two languages, two formats
    for name in files:
        with default_storage.open(f"{DOWNLOADS.folder}/{name}") as file:
            content = file.read().decode("utf-8")
        assert "Solar lights on the school road" in content, name
        assert "Nino Beridze" in content  # shown: the author chose the full name
        assert "P. P. N." in content  # the initials the other author chose
        for value in PRIVATE:
            assert value not in content, (name, value)


def test_an_english_browser_gets_the_stored_file(client, built):
    """A language-neutral address is in the default language, whatever the
    browser asks: the stored file serves every browser."""
    response = client.get(url("csv"), HTTP_ACCEPT_LANGUAGE="en")
    assert from_the_file(response)
    assert_same_download(response, client.get(url("csv")))


# --- Never stale ----------------------------------------------------------------


def publish_a_new_initiative(items):
    published(title="A new initiative", language="en")


def publish_new_text(items):
    initiative = items[0]
    initiative.title = "Brighter solar lights"
    initiative.save_revision().publish()


def unpublish(items):
    items[0].unpublish()


def delete(items):
    items[1].delete()  # no steps: their receivers do not see it


def move_the_stage(items):
    # As the journey moves it: the stage columns only.
    initiative = items[1]
    initiative.stage = Initiative.Stage.NO_ANSWER
    initiative.save(update_fields=["stage", "stage_changed_at"])


def record_a_step(items):
    factories.add_step(items[1], AdvocacyStep.Kind.SENT)


def edit_a_step(items):
    step = items[0].advocacy_steps.last()
    step.text = "Funded this year."
    step.save()


def remove_a_step(items):
    items[0].advocacy_steps.last().delete()


def add_a_topic_from_its_side(items):
    topic("culture").initiatives.add(items[0])


def replace_the_letter(items):
    letter = items[0].advocacy_steps.first().letter
    letter.file = ContentFile(b"%PDF-1.4\n%%EOF\n", name="letter-signed.pdf")
    letter.save()


def delete_the_letter(items):
    items[0].advocacy_steps.first().letter.delete()


def rename_municipality(items):
    kvareli = municipality("kvareli")
    kvareli.name_ka = "ყვარელი-ახალი"
    kvareli.save()


def rename_topic(items):
    youth = topic("youth")
    youth.name_ka = "ახალგაზრდობა-ახალი"
    youth.save()


def rename_the_supporting_organization(items):
    organization = items[0].supporting_organization
    organization.name = "ფერმერთა ახალი კავშირი"
    organization.save_revision().publish()


def unpublish_the_supporting_organization(items):
    items[0].supporting_organization.unpublish()


def anonymise_the_author(items):
    journey.anonymise(items[0])


@pytest.mark.parametrize(
    "change",
    [
        publish_a_new_initiative,
        publish_new_text,
        unpublish,
        delete,
        move_the_stage,
        record_a_step,
        edit_a_step,
        remove_a_step,
        add_a_topic_from_its_side,
        replace_the_letter,
        delete_the_letter,
        rename_municipality,
        rename_topic,
        rename_the_supporting_organization,
        unpublish_the_supporting_organization,
        anonymise_the_author,
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


def test_a_migration_makes_the_files_stale(client, built):
    config = apps.get_app_config("initiatives")
    post_migrate.send(sender=config, app_config=config, verbosity=0, using="default")
    assert not from_the_file(client.get(url("csv")))


def test_the_change_shows_at_once_in_its_own_transaction(client, built):
    """No commit at all (as in every test): the version moved on the save."""
    publish_new_text(built)
    response = client.get(url("csv"))
    assert not from_the_file(response)
    assert "Brighter solar lights" in titles(response)


def test_submissions_and_drafts_queue_nothing(
    client, built, queued, django_capture_on_commit_callbacks
):
    initiative = built[0]
    with django_capture_on_commit_callbacks(execute=True):
        factories.in_council(title="Submitted", topics=[topic("youth")])
        initiative.title = "A draft title"
        initiative.save_revision()  # a draft of a published initiative
        initiative.supporting_organization.save_revision()  # the same
        OrganizationFactory(name="ახალი ორგანიზაცია")  # supports nothing yet

    assert queued_rebuilds() == 0
    response = client.get(url("csv"))
    assert from_the_file(response)
    assert "A draft title" not in titles(response)


def test_many_changes_in_one_transaction_queue_one_rebuild(
    client, built, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish_new_text(built)
        record_a_step(built)
        rename_municipality(built)
        publish_a_new_initiative(built)

    rebuilds = [
        c
        for c in callbacks
        if isinstance(c, stored_downloads.AtCommit) and c.downloads is DOWNLOADS
    ]
    assert len(rebuilds) == 1
    assert queued_rebuilds() == 1
    assert {"Brighter solar lights", "A new initiative"} <= titles(
        client.get(url("csv"))
    )


def test_a_stale_file_is_built_in_the_request_and_queued_once(
    client, built, queued, django_capture_on_commit_callbacks
):
    DOWNLOADS.forget()  # as after the cache lost the version
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            client.get(url(fmt, f"language={language}"))
            for fmt in FORMATS
            for language in ("ka", "en")
        ]
    assert all(r.status_code == 200 and not from_the_file(r) for r in responses)
    assert queued_rebuilds() == 1


def test_another_address_is_built_in_the_request_and_queues_nothing(
    client, built, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url("json"), HTTP_HOST="mirror.example.org")
    assert not from_the_file(response)
    assert '"url": "http://mirror.example.org/' in body(response).decode()
    assert queued_rebuilds() == 0


# --- Filtered downloads and errors are unchanged ---------------------------------


@pytest.mark.parametrize(
    "query", ["municipality=kvareli", "topic=environment", "status=answered"]
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_filtered_downloads_are_built_in_the_request(client, built, fmt, query):
    response = client.get(url(fmt, query))
    assert response.status_code == 200 and not from_the_file(response)
    if fmt == "csv":
        assert len(titles(response)) == 1


def test_an_empty_filter_is_the_full_download(client, built):
    response = client.get(url("csv", "municipality=&topic=&status=&language=ka"))
    assert from_the_file(response)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "query",
    ["language=fr", "language=", "municipality=atlantis", "status=unconfirmed"],
)
def test_bad_parameters_still_answer_400(client, built, fmt, query):
    response = client.get(url(fmt, query))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_old_files_are_removed_one_build_later(built):
    for _ in range(3):
        build_open_data_files.enqueue()
    # Two builds kept (a download may have just opened the older one),
    # of two languages and two formats.
    assert len(default_storage.listdir(DOWNLOADS.folder)[1]) == 2 * 2 * 2
