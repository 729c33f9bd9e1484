"""directory.proposals: a change proposed by someone who may not publish it."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from directory.factories import OrganizationFactory
from directory.models import Organization
from directory.proposals import PROPOSAL_MARK, propose_changes
from hub.factories import UserFactory
from hub.roles import CONSULTANTS
from taxonomy.factories import municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    organization = OrganizationFactory(
        name="თელავის ქალთა ასოციაცია",
        phone="+995 350 11 11 11",
        municipalities=["telavi"],
        staff_notes="ძველი შენიშვნა",
    )
    organization.save_revision().publish()
    return Organization.objects.get(pk=organization.pk)


def test_the_change_is_a_draft_revision_and_the_live_entry_stays(organization):
    consultant = UserFactory(username="consultant", role=CONSULTANTS)

    propose_changes(
        organization,
        {
            "phone": "+995 555 22 33 44",
            "municipalities": [municipality("telavi"), municipality("akhmeta")],
        },
        note="Update proposed by consultant (hub staff).",
        user=consultant,
    )

    live = Organization.objects.get(pk=organization.pk)
    assert live.live and live.has_unpublished_changes
    assert live.phone == "+995 350 11 11 11"
    assert [m.slug for m in live.municipalities.all()] == ["telavi"]
    draft = live.get_latest_revision_as_object()
    assert draft.phone == "+995 555 22 33 44"
    assert sorted(m.slug for m in draft.municipalities.all()) == ["akhmeta", "telavi"]
    assert draft.staff_notes == (
        "ძველი შენიშვნა\n\nUpdate proposed by consultant (hub staff)."
    )
    assert live.latest_revision.user == consultant
    entry = ModelLogEntry.objects.for_instance(live).latest("timestamp")
    assert entry.action == "wagtail.edit" and entry.user == consultant
    assert PROPOSAL_MARK not in entry.data


def test_it_builds_on_the_newest_draft(organization):
    staff_draft = organization.get_latest_revision_as_object()
    staff_draft.description = "რედაქტორის დაუმთავრებელი ცვლილება."
    staff_draft.save_revision()

    propose_changes(organization, {"phone": "+995 555 22 33 44"})

    draft = Organization.objects.get(pk=organization.pk).get_latest_revision_as_object()
    assert draft.description == "რედაქტორის დაუმთავრებელი ცვლილება."
    assert draft.phone == "+995 555 22 33 44"


def test_publishing_writes_to_the_sender_only_when_one_is_named(organization):
    propose_changes(organization, {"phone": "+995 555 22 33 44"})
    Organization.objects.get(pk=organization.pk).latest_revision.publish()
    assert mail.outbox == []

    propose_changes(
        organization, {"phone": "+995 555 00 00 00"}, submitter_email="ana@example.org"
    )
    Organization.objects.get(pk=organization.pk).latest_revision.publish()
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
