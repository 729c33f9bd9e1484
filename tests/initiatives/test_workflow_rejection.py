"""Rejection at each step, the author's e-mails, amendment and resubmission."""

import re

import pytest
from django.core import mail
from django.utils import translation

from initiatives import factories, journey
from initiatives.models import CouncilVoteTask, Initiative
from tests.initiatives.admin_helpers import act, action_url, recipients

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
    assert initiative.current_workflow_task.name == "მოდერაცია"


def test_amended_initiative_returns_to_the_moderators(client, moderator, initiative):
    client.force_login(moderator)
    act(client, initiative, "reject", reason="incomplete", comment="Which street?")
    mail.outbox.clear()

    journey.resubmit(initiative, {"summary": "Rustaveli street."})

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
    journey.resubmit(initiative, {"summary": "Amended."})
    factories.approve_moderation(initiative, moderator)
    for member in council_members[:2]:
        factories.vote(initiative, member, CouncilVoteTask.VOTE_AGAINST, "No.")

    assert initiative.stage == Initiative.Stage.REJECTED
    assert journey.resubmit(initiative, {"summary": "Again"}) is False


def test_the_reason_list_starts_empty_and_a_reason_is_required(
    client, moderator, initiative
):
    """Issue 10, defect 3: the list preselected "Duplicate of another initiative"."""
    client.force_login(moderator)

    modal = client.get(action_url(initiative, "reject")).json()["html"]

    select = re.search(r'<select name="reason"[^>]*>(.*?)</select>', modal, re.S)
    options = re.findall(r"<option ([^>]*)>([^<]*)</option>", select.group(1))
    first_attributes, first_label = options[0]
    assert 'value=""' in first_attributes
    assert first_label == ka("Choose a reason")
    assert not any("selected" in attributes for attributes, _ in options[1:])
    assert "required" in select.group(0)

    response = client.post(
        action_url(initiative, "reject"),
        {"comment": "Which street?"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert ka("Choose the reason for returning it.") in response.json()["html"]
    initiative.refresh_from_db()
    assert initiative.stage == Initiative.Stage.MODERATION


def ka(text):
    with translation.override("ka"):
        return translation.gettext(text)
