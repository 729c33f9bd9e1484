"""The service functions the public side and the admin call."""

import datetime
import uuid

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import Revision, WorkflowState

from initiatives import factories, journey
from initiatives.models import Initiative
from taxonomy.factories import municipality, topic

pytestmark = pytest.mark.django_db


def test_create_submission_saves_a_draft_with_its_attachments():
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", "application/pdf")
    initiative = factories.InitiativeFactory(
        topics=[topic("environment")], attachments=[pdf]
    )

    assert initiative.stage == Initiative.Stage.UNCONFIRMED
    assert not initiative.live
    assert initiative.latest_revision is not None
    assert list(initiative.topics.values_list("slug", flat=True)) == ["environment"]
    attachment = initiative.attachments.get()
    assert (attachment.original_name, attachment.size) == ("plan.pdf", 13)
    assert not WorkflowState.objects.exists()


def test_double_submit_creates_one_initiative():
    key = uuid.uuid4()
    first = factories.InitiativeFactory(submission_key=key)
    second = factories.InitiativeFactory(submission_key=key, title="Other")

    assert first.pk == second.pk
    assert Initiative.objects.count() == 1


def test_confirmation_starts_moderation_once(moderator):
    initiative = factories.InitiativeFactory(author_email="nino@example.org")
    mail.outbox.clear()

    assert journey.confirm(initiative) is True
    assert journey.confirm(initiative) is False

    assert initiative.stage == Initiative.Stage.MODERATION
    assert initiative.confirmed_at is not None
    assert initiative.current_workflow_task.name == "მოდერაცია"
    assert WorkflowState.objects.count() == 1
    to = [m.to[0] for m in mail.outbox]
    assert moderator.email in to  # Wagtail's own e-mail to the Moderators group
    assert to.count("nino@example.org") == 1


def test_resubmission_after_changes_goes_back_to_moderation(moderator):
    initiative = factories.needs_changes()
    assert initiative.stage == Initiative.Stage.NEEDS_CHANGES
    revisions = Revision.objects.for_instance(initiative).count()

    done = journey.resubmit(
        initiative, {"title": "Lights on Chavchavadze street", "topics": []}
    )

    assert done is True
    assert initiative.stage == Initiative.Stage.MODERATION
    assert initiative.rejection_reason == ""
    assert Revision.objects.for_instance(initiative).count() == revisions + 1
    draft = initiative.get_latest_revision_as_object()
    assert draft.title == "Lights on Chavchavadze street"
    state = initiative.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert initiative.current_workflow_task.name == "მოდერაცია"
    # Not twice:
    assert journey.resubmit(initiative, {"title": "Again"}) is False


def test_resubmission_is_refused_unless_returned():
    initiative = factories.in_moderation()
    assert journey.resubmit(initiative, {"title": "X"}) is False
    assert initiative.get_latest_revision_as_object().title != "X"


def test_unconfirmed_drafts_expire(settings):
    old = factories.InitiativeFactory()
    Initiative.objects.filter(pk=old.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=8)
    )
    fresh = factories.InitiativeFactory()
    confirmed = factories.in_moderation()
    Initiative.objects.filter(pk=confirmed.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=30)
    )

    call_command("expire_unconfirmed_initiatives", "--days", "7", verbosity=0)

    assert set(Initiative.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        confirmed.pk,
    }
    assert not Revision.objects.filter(object_id=str(old.pk)).exists()


def test_public_initiatives_are_live_only(council_members):
    accepted = factories.accepted(council_members)
    factories.in_council()

    assert list(Initiative.objects.public()) == [accepted]


@pytest.mark.parametrize(
    ("choice", "shown"),
    [
        (Initiative.PublicName.FULL_NAME, "Nino Beridze"),
        (Initiative.PublicName.INITIALS, "N. B."),
        (Initiative.PublicName.ANONYMOUS, "Anonymous"),
    ],
)
def test_public_author_name(choice, shown):
    initiative = factories.InitiativeFactory(public_name=choice)
    with translation.override("en"):
        assert str(initiative.public_author) == shown


def test_staff_submission_records_consent(moderator):
    initiative = factories.InitiativeFactory(
        channel=Initiative.Channel.PHONE,
        consent_recorded_by=moderator,
        municipality=municipality("kvareli"),
        user=moderator,
    )
    journey.confirm(initiative, user=moderator)

    assert initiative.consent_recorded_by == moderator
    assert initiative.stage == Initiative.Stage.MODERATION
