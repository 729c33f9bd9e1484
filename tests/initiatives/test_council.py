"""The journey through the admin: moderator approves, council votes, quorum."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from initiatives import factories
from initiatives.models import CouncilVote, CouncilVoteTask, Initiative
from initiatives.models.review import ACCEPTED, NOT_ACCEPTED, council_outcome
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
    assert initiative.current_workflow_task.name == "საკონსულტაციო საბჭოს განხილვა"
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


@pytest.mark.parametrize(
    ("third", "stage"),
    [
        (CouncilVoteTask.VOTE_FOR, Initiative.Stage.ACCEPTED),
        (CouncilVoteTask.VOTE_AGAINST, Initiative.Stage.REJECTED),
        (CouncilVoteTask.RECUSE, Initiative.Stage.REJECTED),  # a tie: no majority
    ],
)
def test_a_one_one_vote_at_quorum_two_waits_for_the_third_member(
    client, moderator, council_members, initiative, third, stage
):
    """Issue 10, defect 6: 1–1 at quorum 2 rejected at once; the third member
    never voted. Undecidable until the third member votes."""
    factories.approve_moderation(initiative, moderator)
    first, second, last = council_members
    client.force_login(first)
    act(client, initiative, CouncilVoteTask.VOTE_FOR)
    client.force_login(second)
    act(client, initiative, CouncilVoteTask.VOTE_AGAINST, comment="Too costly.")

    assert initiative.stage == Initiative.Stage.COUNCIL
    client.force_login(last)
    assert initiative.title in client.get(reverse("wagtailadmin_home")).text

    act(client, initiative, third)
    assert initiative.stage == stage


def test_a_decided_outcome_does_not_wait(
    client, moderator, council_members, initiative
):
    """Two against out of three at quorum 2: the third cannot change it."""
    factories.approve_moderation(initiative, moderator)
    for member in council_members[:2]:
        client.force_login(member)
        act(client, initiative, CouncilVoteTask.VOTE_AGAINST, comment="No.")

    assert initiative.stage == Initiative.Stage.REJECTED
    assert CouncilVote.objects.count() == 2


@pytest.mark.parametrize(
    ("votes_for", "against", "not_voted", "quorum", "outcome"),
    [
        (1, 1, 1, 2, None),  # the third member decides
        (2, 0, 1, 2, ACCEPTED),  # even an against cannot stop it
        (0, 2, 1, 2, NOT_ACCEPTED),  # even a for cannot make a majority
        (1, 1, 0, 2, NOT_ACCEPTED),  # a tie, everyone voted
        (1, 0, 1, 2, None),  # one recused: the last one decides
        (1, 0, 0, 2, NOT_ACCEPTED),  # no quorum can be reached any more
        (2, 0, 1, 3, None),  # quorum 3 not reached yet
        (3, 1, 1, 3, ACCEPTED),
        (2, 1, 1, 3, None),  # 3–1 or 2–2 still possible
        (0, 0, 5, 2, None),
    ],
)
def test_the_council_decides_only_when_the_outcome_is_certain(
    votes_for, against, not_voted, quorum, outcome
):
    assert council_outcome(votes_for, against, not_voted, quorum) == outcome


def test_the_rule_is_stated_on_the_task_and_to_the_council(
    moderator, council_members, initiative
):
    task = CouncilVoteTask.objects.get()
    mail.outbox.clear()
    factories.approve_moderation(initiative, moderator)

    council_mail = next(m for m in mail.outbox if m.to == [council_members[0].email])
    with translation.override("ka"):
        rule = str(task.rule_text())
    assert "2" in rule
    assert rule in council_mail.body
    with translation.override("en"):
        help_text = str(CouncilVoteTask._meta.get_field("quorum").help_text)
    assert "no longer change" in help_text


def test_moderators_and_communications_staff_cannot_vote(
    client, moderator, comms_user, council_members, initiative
):
    factories.approve_moderation(initiative, moderator)
    for user in (moderator, comms_user):
        client.force_login(user)
        assert_denied(act(client, initiative, CouncilVoteTask.VOTE_FOR))
    assert not CouncilVote.objects.exists()
