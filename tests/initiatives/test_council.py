"""The journey through the admin: moderator approves, council votes, quorum."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from initiatives import factories
from initiatives.models import CouncilVote, CouncilVoteTask, Initiative
from tests.initiatives.admin_helpers import act, assert_denied, recipients

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(moderator, council_members):
    return factories.in_moderation(author_email="nino@example.org")


def test_moderator_approves_from_admin_and_council_is_notified(
    client, moderator, council_members, initiative
):
    mail.outbox.clear()
    client.force_login(moderator)

    response = act(client, initiative, "approve")

    assert response.status_code == 302
    assert initiative.stage == Initiative.Stage.COUNCIL
    assert initiative.current_workflow_task.name == "Advisory council review"
    to = recipients(mail.outbox)
    for member in council_members:
        assert member.email in to
    assert "nino@example.org" in to
    assert moderator.email not in to


def test_each_member_sees_the_task_until_they_have_voted(
    client, moderator, council_members, initiative
):
    factories.approve_moderation(initiative, moderator)
    first, second, third = council_members

    for member in council_members:
        client.force_login(member)
        assert initiative.title in client.get(reverse("wagtailadmin_home")).text

    client.force_login(first)
    act(client, initiative, CouncilVoteTask.VOTE_FOR, comment="Well argued.")

    assert initiative.title not in client.get(reverse("wagtailadmin_home")).text
    client.force_login(second)
    assert initiative.title in client.get(reverse("wagtailadmin_home")).text
    assert initiative.stage == Initiative.Stage.COUNCIL


def test_quorum_of_votes_publishes_without_edit_rights(
    client, moderator, council_members, initiative
):
    factories.approve_moderation(initiative, moderator)
    mail.outbox.clear()
    for member in council_members[:2]:
        assert not member.has_perm("initiatives.publish_initiative")
        client.force_login(member)
        response = act(client, initiative, CouncilVoteTask.VOTE_FOR)
        assert response.status_code == 302

    assert initiative.live
    assert initiative.stage == Initiative.Stage.ACCEPTED
    state = WorkflowState.objects.get(object_id=str(initiative.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    accepted = [m for m in mail.outbox if m.to == ["nino@example.org"]]
    assert len(accepted) == 1
    assert "accepted" in accepted[0].subject
    assert initiative.tracking_token in accepted[0].body


def test_recusal_is_not_counted(client, moderator, council_members, initiative):
    factories.approve_moderation(initiative, moderator)
    first, second, third = council_members

    client.force_login(first)
    act(client, initiative, CouncilVoteTask.RECUSE, comment="I chair its NGO.")
    client.force_login(second)
    act(client, initiative, CouncilVoteTask.VOTE_FOR)

    assert initiative.stage == Initiative.Stage.COUNCIL
    assert not initiative.live
    assert CouncilVote.objects.filter(choice=CouncilVote.Choice.RECUSE).count() == 1

    client.force_login(third)
    act(client, initiative, CouncilVoteTask.VOTE_FOR)
    assert initiative.live


def test_quorum_not_reached_keeps_it_pending(
    client, moderator, council_members, initiative
):
    task = CouncilVoteTask.objects.get()
    task.quorum = 3
    task.save()
    factories.approve_moderation(initiative, moderator)
    for member in council_members[:2]:
        client.force_login(member)
        act(client, initiative, CouncilVoteTask.VOTE_FOR)

    assert initiative.stage == Initiative.Stage.COUNCIL
    assert not initiative.live
    assert initiative.current_workflow_task.specific == task
    client.force_login(council_members[2])
    assert initiative.title in client.get(reverse("wagtailadmin_home")).text


def test_a_member_votes_only_once(client, moderator, council_members, initiative):
    factories.approve_moderation(initiative, moderator)
    client.force_login(council_members[0])
    act(client, initiative, CouncilVoteTask.VOTE_FOR)

    assert_denied(act(client, initiative, CouncilVoteTask.VOTE_FOR))
    assert CouncilVote.objects.count() == 1


def test_council_rejection_is_explained_to_the_author(
    client, moderator, council_members, initiative
):
    factories.approve_moderation(initiative, moderator)
    mail.outbox.clear()
    client.force_login(council_members[0])
    act(client, initiative, CouncilVoteTask.VOTE_AGAINST, comment="Already funded.")
    client.force_login(council_members[1])
    act(client, initiative, CouncilVoteTask.VOTE_AGAINST, comment="Not our scope.")

    assert initiative.stage == Initiative.Stage.REJECTED
    assert not initiative.live
    (message,) = mail.outbox
    assert message.to == ["nino@example.org"]
    assert "Already funded." in message.body and "Not our scope." in message.body
    assert council_members[0].username not in message.body


def test_a_tie_rejects(client, moderator, council_members, initiative):
    factories.approve_moderation(initiative, moderator)
    client.force_login(council_members[0])
    act(client, initiative, CouncilVoteTask.VOTE_FOR)
    client.force_login(council_members[1])
    act(client, initiative, CouncilVoteTask.VOTE_AGAINST, comment="Too costly.")

    assert initiative.stage == Initiative.Stage.REJECTED


def test_moderators_and_communications_staff_cannot_vote(
    client, moderator, comms_user, council_members, initiative
):
    factories.approve_moderation(initiative, moderator)
    for user in (moderator, comms_user):
        client.force_login(user)
        assert_denied(act(client, initiative, CouncilVoteTask.VOTE_FOR))
    assert not CouncilVote.objects.exists()
