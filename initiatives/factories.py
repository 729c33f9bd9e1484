"""Initiatives in every state of their journey, for tests and the demo.

`InitiativeFactory()` makes an unconfirmed draft through the same service
function as the public form. The helpers move one along the real workflow
(same Wagtail task actions as the admin), so their state is never faked:

    initiative = in_council(votes=[...])
"""

import datetime
import uuid

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from hub.factories import UserFactory
from hub.roles import ADVISORY_COUNCIL, MODERATORS
from initiatives import journey
from initiatives.models import AdvocacyStep, CouncilVoteTask, Initiative
from taxonomy.factories import municipality


class InitiativeFactory(factory.Factory):
    """An unconfirmed draft initiative, saved by `journey.submit`."""

    class Meta:
        model = dict  # built by create_submission, not by the model's manager

    title = factory.Sequence(lambda n: f"Street lighting in the village, part {n}")
    summary = "Install solar street lights on the road to the school."
    problem = "The road to the school is dark in winter mornings and evenings."
    solution = "Twelve solar street lights along the 1.5 km road."
    request_to_municipality = "Include the lights in next year's budget."
    municipality = factory.LazyFunction(lambda: municipality("telavi"))
    topics = ()
    supporting_organization = None
    language = "en"
    author_name = "Nino Beridze"
    author_email = factory.Sequence(lambda n: f"author{n}@example.org")
    author_phone = ""
    public_name = Initiative.PublicName.FULL_NAME
    submission_key = factory.LazyFunction(uuid.uuid4)
    attachments = ()
    channel = Initiative.Channel.ONLINE

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("InitiativeFactory only creates.")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return journey.submit(**kwargs)


def staff_user(role, username):
    """The user `username` in group `role`; an existing user is left untouched
    (re-running the factory would reset its password and log it out)."""
    group, _ = Group.objects.get_or_create(name=role)
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = UserFactory(username=username, role=role)
    user.groups.add(group)
    return user


def _task_state(initiative):
    initiative.refresh_from_db()
    return initiative.current_workflow_task_state


def in_moderation(**kwargs):
    """Confirmed by its author: waiting for the moderators."""
    initiative = InitiativeFactory(**kwargs)
    journey.confirm(initiative)
    return initiative


def approve_moderation(initiative, moderator=None):
    moderator = moderator or staff_user(MODERATORS, "moderator")
    task_state = _task_state(initiative)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    initiative.refresh_from_db()
    return initiative


def return_to_author(initiative, moderator=None, reason="incomplete", message=""):
    """The moderator requests changes with a coded reason and a message."""
    moderator = moderator or staff_user(MODERATORS, "moderator")
    task_state = _task_state(initiative)
    task_state.task.specific.on_action(
        task_state,
        moderator,
        "reject",
        reason=reason,
        comment=message or "Please say which street you mean.",
    )
    initiative.refresh_from_db()
    return initiative


def needs_changes(**kwargs):
    return return_to_author(in_moderation(**kwargs))


def council_members(count=3):
    return [staff_user(ADVISORY_COUNCIL, f"council{n}") for n in range(1, count + 1)]


def in_council(moderator=None, **kwargs):
    """Passed moderation: waiting for the advisory council's votes."""
    return approve_moderation(in_moderation(**kwargs), moderator)


def vote(initiative, member, choice, comment=""):
    """choice: CouncilVoteTask.VOTE_FOR / VOTE_AGAINST / RECUSE."""
    task_state = _task_state(initiative)
    task_state.task.specific.on_action(task_state, member, choice, comment=comment)
    initiative.refresh_from_db()
    return initiative


def accepted(members=None, days_ago=30, **kwargs):
    """Accepted by the council (a majority for) `days_ago` days ago: published.

    Advocacy steps may then be dated from that day until today.
    """
    with journey.as_of(timezone.now() - datetime.timedelta(days=days_ago)):
        initiative = in_council(**kwargs)
        for member in (members or council_members())[:2]:
            vote(
                initiative, member, CouncilVoteTask.VOTE_FOR, "A clear, costed request."
            )
    return initiative


def rejected(members=None, **kwargs):
    """Not accepted by the council (a majority against)."""
    initiative = in_council(**kwargs)
    for member in (members or council_members())[:2]:
        vote(
            initiative,
            member,
            CouncilVoteTask.VOTE_AGAINST,
            "The municipality already funds this in its current budget.",
        )
    return initiative


def add_step(initiative, kind, days_ago=0, **fields):
    """Record an advocacy step (sent / answer / outcome) as staff would."""
    step = AdvocacyStep(
        initiative=initiative,
        kind=kind,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        **fields,
    )
    step.full_clean()
    step.save()
    initiative.refresh_from_db()
    return step
