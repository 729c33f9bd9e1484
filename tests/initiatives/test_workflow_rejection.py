"""Rejection at each step, the author's e-mails, amendment and resubmission."""

import pytest
from django.core import mail
from django.utils import translation

from initiatives import factories, workflow
from initiatives.models import CouncilVoteTask, Initiative
from tests.initiatives.admin_helpers import act, recipients

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(moderator):
    return factories.in_moderation(author_email="nino@example.org")


def test_moderator_returns_it_with_a_coded_reason(client, moderator, initiative):
    mail.outbox.clear()
    client.force_login(moderator)

    response = act(
        client,
        initiative,
        "reject",
        reason="personal_data",
        comment="Please remove your neighbour's phone number.",
    )

    assert response.status_code == 302
    assert initiative.stage == Initiative.Stage.NEEDS_CHANGES
    assert initiative.rejection_reason == "personal_data"
    assert not initiative.live
    (message,) = mail.outbox
    assert message.to == ["nino@example.org"]
    assert "Contains personal data of others" in message.body
    assert "neighbour's phone number" in message.body
    assert f"/en/initiatives/track/{initiative.tracking_token}/" in message.body
    task_state = initiative.workflow_states.get().task_states.get()
    # The workflow history shows the reason in the moderator's admin language.
    label = Initiative.RejectionReason.PERSONAL_DATA.label
    with translation.override("ka"):
        assert task_state.comment.startswith(f"[{label}]")


def test_rejection_without_a_reason_changes_nothing(client, moderator, initiative):
    client.force_login(moderator)
    act(client, initiative, "reject", comment="No reason given")

    assert initiative.stage == Initiative.Stage.MODERATION
    assert initiative.current_workflow_task.name == "Moderation"


def test_amended_initiative_returns_to_the_moderators(client, moderator, initiative):
    client.force_login(moderator)
    act(client, initiative, "reject", reason="incomplete", comment="Which street?")
    mail.outbox.clear()

    workflow.resubmit_after_changes(initiative, {"summary": "Rustaveli street."})

    assert initiative.stage == Initiative.Stage.MODERATION
    assert moderator.email in recipients(mail.outbox)
    response = act(client, initiative, "approve")
    assert response.status_code == 302
    assert initiative.stage == Initiative.Stage.COUNCIL
    # The council reviews the amended text.
    task_state = initiative.current_workflow_task_state
    assert task_state.revision.as_object().summary == "Rustaveli street."


def test_council_rejection_after_resubmission_is_final(
    client, moderator, council_members, initiative
):
    factories.return_to_author(initiative, moderator)
    workflow.resubmit_after_changes(initiative, {"summary": "Amended."})
    factories.approve_moderation(initiative, moderator)
    for member in council_members[:2]:
        factories.vote(initiative, member, CouncilVoteTask.VOTE_AGAINST, "No.")

    assert initiative.stage == Initiative.Stage.REJECTED
    assert workflow.resubmit_after_changes(initiative, {"summary": "Again"}) is False
