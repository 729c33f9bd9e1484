"""`initiatives.journey` owns every change of stage, and each one is recorded.

One test per transition: the stage, the journey fields, the audit-log entry
(the admin's History, which records the review of drafts) and, once the
initiative is public, the simple-history row. The last test reads the app's
source: no other module assigns the stage or a journey field.
"""

import ast
import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    ModelLogEntry,
    Revision,
    Workflow,
    WorkflowState,
    WorkflowTask,
)

import initiatives
from initiatives import factories, journey, publishing
from initiatives.models import Initiative
from initiatives.models.initiative import JOURNEY_FIELDS

pytestmark = pytest.mark.django_db

Stage = Initiative.Stage


def logged_stages(initiative):
    """The stages the audit log recorded for `initiative`, oldest first."""
    return [
        entry.data["to"]
        for entry in ModelLogEntry.objects.filter(
            object_id=str(initiative.pk), action=journey.STAGE_ACTION
        ).order_by("timestamp", "pk")
    ]


def history_stages(initiative):
    return list(
        initiative.history.order_by("history_date", "history_id").values_list(
            "stage", flat=True
        )
    )


def test_submit_makes_an_unconfirmed_draft_and_logs_it():
    initiative = factories.InitiativeFactory()

    assert initiative.stage == Stage.UNCONFIRMED
    assert logged_stages(initiative) == [Stage.UNCONFIRMED]
    assert not initiative.history.exists()  # drafts: the audit log only


def test_confirm_starts_moderation_once(moderator):
    initiative = factories.InitiativeFactory()

    assert journey.confirm(initiative) is True
    assert journey.confirm(initiative) is False

    assert initiative.stage == Stage.MODERATION
    assert initiative.confirmed_at is not None
    assert initiative.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert logged_stages(initiative) == [Stage.UNCONFIRMED, Stage.MODERATION]


def test_moderators_approval_moves_it_to_the_council(moderator, council_members):
    initiative = factories.in_moderation()

    factories.approve_moderation(initiative, moderator)

    assert initiative.stage == Stage.COUNCIL
    assert logged_stages(initiative)[-1] == Stage.COUNCIL
    entry = ModelLogEntry.objects.filter(
        object_id=str(initiative.pk), action=journey.STAGE_ACTION
    ).latest("timestamp")
    assert entry.data == {"from": Stage.MODERATION, "to": Stage.COUNCIL}
    assert entry.user == moderator


def test_return_to_author_keeps_the_reason_and_logs_it(moderator):
    initiative = factories.in_moderation()

    factories.return_to_author(
        initiative, moderator, reason="incomplete", message="Which street?"
    )

    row = Initiative.objects.get(pk=initiative.pk)
    assert row.stage == Stage.NEEDS_CHANGES
    assert (row.rejection_reason, row.rejection_message) == (
        "incomplete",
        "Which street?",
    )
    assert row.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert logged_stages(row)[-1] == Stage.NEEDS_CHANGES


def test_resubmit_goes_back_to_moderation_and_clears_the_reason(moderator):
    initiative = factories.needs_changes()

    assert journey.resubmit(initiative, {"summary": "Rustaveli street."}) is True

    assert initiative.stage == Stage.MODERATION
    assert initiative.rejection_reason == ""
    assert logged_stages(initiative)[-2:] == [Stage.NEEDS_CHANGES, Stage.MODERATION]
    assert journey.resubmit(initiative, {"summary": "Again"}) is False


def test_council_acceptance_publishes_and_starts_the_public_history(
    moderator, council_members
):
    initiative = factories.accepted(council_members)

    assert initiative.live
    assert initiative.stage == Stage.ACCEPTED
    assert initiative.accepted_at is not None
    assert logged_stages(initiative)[-1] == Stage.ACCEPTED
    # The first public history row already says "accepted".
    assert history_stages(initiative) == [Stage.ACCEPTED]


def test_the_end_of_the_workflow_is_the_journeys_acceptance():
    assert settings.WAGTAIL_FINISH_WORKFLOW_ACTION == (
        "initiatives.publishing.publish_on_approval"
    )
    assert WorkflowState.on_finish is publishing.publish_on_approval


def test_council_rejection_is_final_and_explained(moderator, council_members):
    initiative = factories.rejected(council_members)

    assert initiative.stage == Stage.REJECTED
    assert not initiative.live
    assert "current budget" in initiative.rejection_message
    assert logged_stages(initiative)[-1] == Stage.REJECTED


def test_advocacy_steps_move_the_stage_with_history(moderator, council_members):
    initiative = factories.accepted(council_members)

    sent = factories.add_step(initiative, "sent", days_ago=2)
    assert initiative.stage == Stage.SENT
    answer = factories.add_step(initiative, "answer", days_ago=1, text="Yes.")
    assert initiative.stage == Stage.ANSWERED

    answer.delete()
    initiative.refresh_from_db()
    assert initiative.stage == Stage.SENT
    sent.delete()
    initiative.refresh_from_db()
    assert initiative.stage == Stage.ACCEPTED

    expected = [Stage.ACCEPTED, Stage.SENT, Stage.ANSWERED, Stage.SENT, Stage.ACCEPTED]
    assert logged_stages(initiative)[-5:] == expected
    assert history_stages(initiative) == expected


def test_unconfirmed_drafts_expire_with_their_revisions():
    old = factories.InitiativeFactory()
    with journey.as_of(timezone.now() + datetime.timedelta(days=8)):
        assert journey.expire_unconfirmed() == 1

    assert not Initiative.objects.filter(pk=old.pk).exists()
    assert not Revision.objects.filter(object_id=str(old.pk)).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(old.pk), action=journey.EXPIRE_ACTION
    ).exists()


def test_as_of_dates_the_transitions(moderator):
    moment = timezone.now() - datetime.timedelta(days=20)
    initiative = factories.InitiativeFactory()

    with journey.as_of(moment):
        journey.confirm(initiative)

    assert initiative.stage_changed_at == moment
    assert initiative.confirmed_at == moment
    assert initiative.days_in_stage == 20


def test_a_rejection_by_an_added_task_returns_it_to_the_author(moderator):
    """An administrator may add a plain group approval step to the workflow."""
    extra = GroupApprovalTask.objects.create(name="Legal check")
    extra.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.get(
        workflow_content_types__content_type=ContentType.objects.get_for_model(
            Initiative
        )
    )
    WorkflowTask.objects.filter(workflow=workflow).update(
        sort_order=F("sort_order") + 1
    )
    WorkflowTask.objects.create(workflow=workflow, task=extra, sort_order=0)
    initiative = factories.in_moderation()
    task_state = initiative.current_workflow_task_state
    assert task_state.task.specific == extra

    task_state.task.specific.on_action(task_state, moderator, "reject", comment="No.")

    initiative.refresh_from_db()
    assert initiative.stage == Stage.NEEDS_CHANGES
    assert initiative.rejection_message == "No."


# --- Nothing else assigns the journey -------------------------------------

APP = Path(initiatives.__file__).parent
OWNERS = {APP / "journey.py"}


def journey_writes(tree):
    """(line, what) for each assignment of a journey field in `tree`."""
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr in JOURNEY_FIELDS:
                found.append((node.lineno, f".{target.attr} ="))
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"update", "Initiative", "setattr", "set_stage"}:
                for keyword in node.keywords:
                    if keyword.arg in JOURNEY_FIELDS:
                        found.append((node.lineno, f"{name}({keyword.arg}=)"))
            if name == "set_stage":
                found.append((node.lineno, "set_stage()"))
    return found


def test_only_the_journey_assigns_the_stage():
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        if path in OWNERS or "migrations" in path.parts:
            continue
        for line, what in journey_writes(ast.parse(path.read_text())):
            offenders.append(f"{path.relative_to(APP)}:{line} {what}")
    assert offenders == []


def test_the_source_check_can_fail():
    source = "row.stage = 'x'\nInitiative.objects.filter().update(stage='y')\n"
    assert [what for _, what in journey_writes(ast.parse(source))] == [
        ".stage =",
        "update(stage=)",
    ]
