"""The review desk: what waits for whom, for how long, and what reviewers see.

Plain functions over the models and Wagtail's task states, used by the
dashboard panels (`dashboard.py`) and the review screen (`review_screen.py`):

- `moderation_queue(user)` and `council_inbox(user)`: the initiatives a
  moderator may screen, and those a council member has still to vote on,
  with municipality, days waiting, an overdue mark and the votes so far;
- `awaiting_answer()`: accepted initiatives sent to a municipality that has
  not answered for longer than `INITIATIVE_ANSWER_OVERDUE_DAYS`;
- `votes_visible_to(...)`, `moderator_notes(...)`, `amendments(...)`: the
  parts of the review screen.

Deadlines come from the settings (`INITIATIVE_REVIEW_NEAR_OVERDUE_DAYS`,
`INITIATIVE_REVIEW_OVERDUE_DAYS`: 11 and 14 days unless configured).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, TaskState

from .models import (
    AdvocacyStep,
    CouncilVote,
    CouncilVoteTask,
    Initiative,
    ModerationTask,
)

NEAR_OVERDUE = "near_overdue"
OVERDUE = "overdue"


def near_overdue_days():
    return getattr(settings, "INITIATIVE_REVIEW_NEAR_OVERDUE_DAYS", 11)


def overdue_days():
    return getattr(settings, "INITIATIVE_REVIEW_OVERDUE_DAYS", 14)


def answer_overdue_days():
    return getattr(settings, "INITIATIVE_ANSWER_OVERDUE_DAYS", 30)


def deadline_mark(days):
    """OVERDUE, NEAR_OVERDUE or None for an initiative waiting `days` days."""
    if days >= overdue_days():
        return OVERDUE
    if days >= near_overdue_days():
        return NEAR_OVERDUE
    return None


MARK_LABELS = {NEAR_OVERDUE: _("near overdue"), OVERDUE: _("overdue")}


@dataclass
class Waiting:
    """One initiative waiting at the desk, as a dashboard row shows it."""

    initiative: Initiative
    task_state: TaskState
    days: int
    votes: int = 0
    members: int = 0

    @property
    def mark(self):
        return deadline_mark(self.days)

    @property
    def mark_label(self):
        return MARK_LABELS.get(self.mark, "")


def _initiative_states(user, task_class):
    """In-progress task states of `task_class` on initiatives `user` may act on."""
    return (
        TaskState.objects.reviewable_by(user)
        .filter(
            task__content_type__model=task_class._meta.model_name,
            task__content_type__app_label=task_class._meta.app_label,
            workflow_state__base_content_type__app_label="initiatives",
            workflow_state__base_content_type__model="initiative",
        )
        .select_related("task")
    )


def _waiting(states):
    states = list(states)
    initiatives = Initiative.objects.select_related("municipality").in_bulk(
        [int(state.workflow_state.object_id) for state in states]
    )
    rows = [
        Waiting(
            initiative=initiatives[int(state.workflow_state.object_id)],
            task_state=state,
            days=initiatives[int(state.workflow_state.object_id)].days_in_stage,
        )
        for state in states
        if int(state.workflow_state.object_id) in initiatives
    ]
    return sorted(rows, key=lambda row: -row.days)


def moderation_queue(user):
    """Initiatives in moderation this user may screen, longest waiting first."""
    states = _initiative_states(user, ModerationTask).select_related("workflow_state")
    return _waiting(states)


def council_inbox(user):
    """Initiatives awaiting this council member's vote, longest waiting first."""
    rows = _waiting(
        _initiative_states(user, CouncilVoteTask).select_related("workflow_state")
    )
    votes = dict(
        CouncilVote.objects.filter(task_state__in=[row.task_state for row in rows])
        .values_list("task_state")
        .annotate(count=Count("pk"))
    )
    members = {}
    for row in rows:
        task = row.task_state.task.specific
        if task.pk not in members:
            members[task.pk] = task.members().count()
        row.votes = votes.get(row.task_state.pk, 0)
        row.members = members[task.pk]
    return rows


def is_moderator(user):
    return (
        user.is_superuser
        or ModerationTask.objects.filter(
            groups__in=user.groups.all(), active=True
        ).exists()
    )


def is_council_member(user):
    return CouncilVoteTask.objects.filter(
        group__in=user.groups.all(), active=True
    ).exists()


@dataclass
class AwaitingAnswer:
    initiative: Initiative
    sent_on: datetime.date
    days: int


def awaiting_answer(today=None):
    """Initiatives sent to their municipality, unanswered for too long.

    Stage "sent" (no answer or outcome recorded after the sending) for more
    than `INITIATIVE_ANSWER_OVERDUE_DAYS` days since the latest sending,
    longest waiting first.
    """
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=answer_overdue_days())
    initiatives = Initiative.objects.filter(
        live=True, stage=Initiative.Stage.SENT
    ).select_related("municipality")
    sent = {}
    for step in AdvocacyStep.objects.filter(
        initiative__in=initiatives, kind=AdvocacyStep.Kind.SENT
    ).order_by("date"):
        sent[step.initiative_id] = step.date  # the latest sending wins
    rows = [
        AwaitingAnswer(
            initiative, sent[initiative.pk], (today - sent[initiative.pk]).days
        )
        for initiative in initiatives
        if initiative.pk in sent and sent[initiative.pk] < cutoff
    ]
    return sorted(rows, key=lambda row: -row.days)


# --- The review screen -----------------------------------------------------


def votes_visible_to(task_state, user):
    """(votes shown, whether others' votes are hidden) for `user`.

    A council member sees the others' votes only after voting (or recusing):
    each forms a judgement of their own, not anchored on the first votes.
    Until then they see how many have voted. Moderators and administrators,
    who do not vote, see every vote.
    """
    votes = list(
        CouncilVote.objects.filter(task_state=task_state).select_related("member")
    )
    task = task_state.task.specific
    if (
        isinstance(task, CouncilVoteTask)
        and task.is_member(user)
        and task_state.status == TaskState.STATUS_IN_PROGRESS
        and not any(vote.member_id == user.pk for vote in votes)
    ):
        return [], True
    return votes, False


def moderator_notes(initiative):
    """The moderators' comments on the initiative's review, oldest first."""
    return list(
        TaskState.objects.filter(
            workflow_state__base_content_type__app_label="initiatives",
            workflow_state__base_content_type__model="initiative",
            workflow_state__object_id=str(initiative.pk),
            task__in=ModerationTask.objects.all(),
        )
        .exclude(comment="")
        .select_related("finished_by")
        .order_by("started_at", "pk")
    )


#: The fields whose changes the amendment history shows.
AMENDMENT_FIELDS = (
    "title",
    "summary",
    "problem",
    "solution",
    "request_to_municipality",
    "municipality",
    "supporting_organization",
    "public_name",
)


@dataclass
class Amendment:
    revision: Revision
    by_author: bool
    changes: list  # [(label, before, after)]


def amendments(initiative):
    """Each saved version after the first, with what it changed, oldest first.

    Versions saved with no user are the author's (the tracking link); the
    others name the staff member.
    """
    revisions = list(
        Revision.objects.for_instance(initiative)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    result = []
    previous = None
    for revision in revisions:
        current = revision.as_object()
        if previous is not None:
            changes = []
            for name in AMENDMENT_FIELDS:
                field = Initiative._meta.get_field(name)
                before = _display(previous, field)
                after = _display(current, field)
                if before != after:
                    changes.append((field.verbose_name, before, after))
            if changes:
                result.append(Amendment(revision, revision.user_id is None, changes))
        previous = current
    return result


def _display(obj, field):
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    if field.is_relation:
        related = getattr(obj, field.name, None)
        return str(related) if related else ""
    return getattr(obj, field.name) or ""
