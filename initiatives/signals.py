"""Keep `Initiative.stage` in step with the workflow, and tell people about it.

Connected in `InitiativesConfig.ready()`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from . import notifications
from .models import (
    AdvocacyStep,
    CouncilVote,
    CouncilVoteTask,
    Initiative,
    ModerationTask,
)


def _initiative(workflow_state):
    obj = workflow_state.content_object
    return obj if isinstance(obj, Initiative) else None


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    initiative = _initiative(instance)
    if initiative is not None:
        notifications.notify_author(initiative, "received")


def on_task_submitted(sender, instance, user=None, **kwargs):
    initiative = _initiative(instance.workflow_state)
    if initiative is None:
        return
    task = instance.task.specific
    if isinstance(task, ModerationTask):
        if initiative.stage != Initiative.Stage.MODERATION:
            initiative.set_stage(Initiative.Stage.MODERATION)
    elif isinstance(task, CouncilVoteTask):
        initiative.set_stage(Initiative.Stage.COUNCIL)
        notifications.notify_council(instance, task)
        notifications.notify_author(initiative, "in_council")


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    initiative = _initiative(instance)
    if initiative is None:
        return
    initiative.refresh_from_db()
    task_state = instance.current_task_state
    if isinstance(task_state.task.specific, CouncilVoteTask):
        # The explanation: comments of the votes against, without names.
        comments = task_state.council_votes.filter(
            choice=CouncilVote.Choice.AGAINST
        ).exclude(comment="")
        message = "\n\n".join(vote.comment for vote in comments)
        initiative.set_stage(
            Initiative.Stage.REJECTED, rejection_reason="", rejection_message=message
        )
        notifications.notify_author(initiative, "rejected", message=message)
    else:
        initiative.set_stage(Initiative.Stage.NEEDS_CHANGES)
        reason = initiative.rejection_reason
        notifications.notify_author(
            initiative,
            "needs_changes",
            reason=Initiative.RejectionReason(reason).label if reason else "",
            message=initiative.rejection_message,
        )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    initiative = _initiative(instance)
    if initiative is not None:
        initiative.refresh_from_db()
        notifications.notify_author(initiative, "accepted")


def _stage_from_steps(initiative):
    last = initiative.advocacy_steps.order_by("-date", "-pk").first()
    return last.stage if last else Initiative.Stage.ACCEPTED


def on_step_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    initiative = instance.initiative
    stage = _stage_from_steps(initiative)
    if stage != initiative.stage:
        initiative.set_stage(stage)
    if created:
        notifications.notify_author(initiative, "advocacy_step", step=instance)


def on_step_deleted(sender, instance, **kwargs):
    initiative = Initiative.objects.filter(pk=instance.initiative_id).first()
    if initiative is not None:
        stage = _stage_from_steps(initiative)
        if stage != initiative.stage:
            initiative.set_stage(stage)


def connect():
    task_submitted.connect(on_task_submitted, dispatch_uid="initiatives.task")
    workflow_submitted.connect(on_workflow_submitted, dispatch_uid="initiatives.sub")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="initiatives.rej")
    workflow_approved.connect(on_workflow_approved, dispatch_uid="initiatives.app")
    post_save.connect(on_step_saved, sender=AdvocacyStep, dispatch_uid="initiatives.s")
    post_delete.connect(
        on_step_deleted, sender=AdvocacyStep, dispatch_uid="initiatives.d"
    )
