"""Proposals and submissions sent at the same moment (issue 12, Major 6).

Twenty corrections of one organization keep twenty messages; eight proposals
of the same new name all succeed under distinct slugs; one initiative posted
twice at once makes one initiative and one confirmation e-mail.

The threaded versions need a database that lets several writers wait for
each other's row locks: PostgreSQL. SQLite's test database is one shared
in-memory file that refuses a second concurrent writer outright ("database
table is locked"), so they are skipped there; the sequential versions run on
both.
"""

import threading
import uuid

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from directory.factories import OrganizationFactory
from directory.models import Organization
from hub.models import OutgoingMail
from initiatives.models import Initiative
from tests.directory.test_proposal import PROPOSE, new_entry
from tests.initiatives.public_helpers import SUBMIT_URL, form_data

needs_concurrent_writers = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database refuses concurrent writers; "
    "the sequential version of this test runs instead",
)


def run_at_once(count, work):
    """Run `work(n)` for n in range(count) in threads released together;
    returns their results (an exception counts as a result)."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def thread(n):
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:  # reported to the test, not lost
            results[n] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=thread, args=(n,)) for n in range(count)]
    for each in threads:
        each.start()
    for each in threads:
        each.join()
    return results


def listed():
    organization = OrganizationFactory(name="ტელავის ცენტრი")
    organization.save_revision().publish()
    return organization


def correction(organization, n):
    return new_entry(
        kind="correction",
        organization=str(organization.pk),
        name="",
        legal_form="",
        identification_code="",
        municipalities=[],
        fields_of_work=[],
        description=f"აღწერა {n}",
        contact_person="",
        submitter_email=f"sender{n}@example.org",
        message=f"message number {n}",
        submission_key=str(uuid.uuid4()),
    )


def post(data, n):
    # Each sender from their own address: the rate limit is per address.
    response = Client().post(PROPOSE, data, REMOTE_ADDR=f"10.0.0.{n + 1}")
    return response.status_code


def assert_every_correction_kept(organization, count, revisions_before):
    organization.refresh_from_db()
    draft = organization.get_latest_revision_as_object()
    for n in range(count):
        assert f"message number {n}" in draft.staff_notes
    assert organization.revisions.count() == revisions_before + count
    # Publishing tells every sender, truthfully: each one's message is in it.
    mail.outbox.clear()
    organization.get_latest_revision().publish()
    recipients = sorted(r for message in mail.outbox for r in message.to)
    assert recipients == sorted(f"sender{n}@example.org" for n in range(count))


def assert_distinct_drafts(count, name):
    drafts = Organization.objects.filter(name=name)
    assert drafts.count() == count
    assert len({draft.slug for draft in drafts}) == count
    assert not any(draft.live for draft in drafts)


@pytest.mark.django_db
def test_corrections_one_after_another_keep_every_message(home_pages):
    organization = listed()
    revisions_before = organization.revisions.count()

    for n in range(5):
        assert post(correction(organization, n), n) == 302

    assert_every_correction_kept(organization, 5, revisions_before)


@pytest.mark.django_db
def test_the_same_new_name_proposed_again_gets_its_own_slug(home_pages):
    for n in range(3):
        data = new_entry(name="ერთი სახელი", submission_key=str(uuid.uuid4()))
        assert post(data, n) == 302

    assert_distinct_drafts(3, "ერთი სახელი")


@needs_concurrent_writers
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_corrections_at_once_keep_twenty_messages(home_pages):
    organization = listed()
    forms = [correction(organization, n) for n in range(20)]
    revisions_before = organization.revisions.count()

    results = run_at_once(20, lambda n: post(forms[n], n))

    assert results == [302] * 20
    assert_every_correction_kept(organization, 20, revisions_before)


@needs_concurrent_writers
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_eight_proposals_of_one_new_name_at_once(home_pages):
    forms = [
        new_entry(name="ერთი სახელი", submission_key=str(uuid.uuid4()))
        for _ in range(8)
    ]

    results = run_at_once(8, lambda n: post(forms[n], n))

    assert results == [302] * 8
    assert_distinct_drafts(8, "ერთი სახელი")


@needs_concurrent_writers
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_initiative_posted_twice_at_once_is_mailed_once(home_pages):
    data = form_data()

    results = run_at_once(
        2, lambda n: Client().post(SUBMIT_URL, data, REMOTE_ADDR="10.0.1.1").status_code
    )

    assert results == [302, 302]
    assert Initiative.objects.count() == 1
    assert OutgoingMail.objects.count() == 1


@pytest.mark.django_db
def test_an_initiative_posted_twice_is_mailed_once(home_pages):
    data = form_data()

    for _ in range(2):
        assert Client().post(SUBMIT_URL, data).status_code == 302

    assert Initiative.objects.count() == 1
    assert OutgoingMail.objects.count() == 1
