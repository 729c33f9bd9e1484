"""Staff record advocacy steps on a live initiative; the author hears of each."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import WorkflowState

from initiatives import factories
from initiatives.models import AdvocacyStep, Initiative
from tests.initiatives.admin_helpers import assert_denied

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_initiatives_advocacystep:add"


@pytest.fixture
def initiative(moderator, council_members):
    return factories.accepted(council_members, author_email="nino@example.org")


def post_step(client, initiative, **data):
    return client.post(
        reverse(ADD_URL),
        {"initiative": initiative.pk, "date": "2026-10-01", "text": "", **data},
    )


def test_staff_add_steps_and_the_author_is_told(client, comms_user, initiative):
    letter = Document.objects.create(title="Letter to Telavi City Hall")
    client.force_login(comms_user)
    mail.outbox.clear()

    response = post_step(client, initiative, kind="sent", letter=letter.pk)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.SENT
    (message,) = mail.outbox
    assert message.to == ["nino@example.org"]
    assert "Sent to the municipality" in message.body

    post_step(
        client,
        initiative,
        kind="answer",
        date="2026-10-20",
        text="The lights are in the 2027 budget.",
    )
    post_step(
        client, initiative, kind="outcome", date="2026-11-10", outcome="implemented"
    )

    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.IMPLEMENTED
    assert [step.kind for step in initiative.advocacy_steps.all()] == [
        "sent",
        "answer",
        "outcome",
    ]
    assert len(mail.outbox) == 3
    assert "2027 budget" in mail.outbox[1].body


def test_steps_do_not_rerun_the_workflow(client, comms_user, initiative):
    client.force_login(comms_user)
    post_step(client, initiative, kind="sent")

    initiative.refresh_from_db()
    assert initiative.live
    assert not initiative.has_unpublished_changes
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED


def test_an_outcome_needs_its_value_and_nothing_is_saved(
    client, comms_user, initiative
):
    client.force_login(comms_user)
    response = post_step(client, initiative, kind="outcome")

    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    assert not AdvocacyStep.objects.exists()


def test_only_live_initiatives_take_steps(client, comms_user, moderator):
    draft = factories.in_moderation()
    client.force_login(comms_user)

    response = post_step(client, draft, kind="sent")

    assert response.status_code == 200
    assert not AdvocacyStep.objects.exists()


def test_deleting_the_last_step_restores_the_stage(initiative):
    factories.add_step(initiative, "sent", days_ago=10)
    answer = factories.add_step(initiative, "answer", days_ago=2, text="Soon.")
    answer.delete()

    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.SENT


def test_moderators_and_council_do_not_record_steps(
    client, moderator, council_members, initiative
):
    for user in (moderator, council_members[0]):
        client.force_login(user)
        assert_denied(post_step(client, initiative, kind="sent"))
    assert not AdvocacyStep.objects.exists()
