"""The journey of an initiative: every change of its stage, in one place.

An initiative moves through `Initiative.Stage` only by the functions of this
module. The public views, the admin views and forms, the workflow tasks, the
signal handlers and the end-of-workflow action (`publishing.py`) call them;
nothing else assigns `stage` or the other journey fields
(`Initiative.JOURNEY_FIELDS`).

Each transition saves the row in a transaction (never a queryset `.update()`),
so that django-simple-history records it once the initiative is public, and
writes an entry to Wagtail's audit log (the admin's History), which records
the review of drafts that simple-history leaves out (see
`Initiative.skip_history_for`).

    submit              a new, unconfirmed draft (public form, staff entry)
    confirm             the author confirmed (or staff entered it): moderation
    task_started        the workflow reached a task: moderation or council
    return_to_author    moderators request changes, with a coded reason
    workflow_rejected   a task an administrator added returned it (fallback)
    resubmit            the author's amendment goes back to moderation
    accept              the council accepted it: published
    not_accept          the council did not accept it
    step_recorded       an advocacy step was saved: the stage follows the steps
    step_removed        an advocacy step was deleted
    expire_unconfirmed  drafts never confirmed are deleted
    anonymise           the author's personal data are removed for good, a
                        retention period after the final outcome

E-mails to the author go out from here (`notifications`), in the initiative's
language, and only when the author has an e-mail address.
"""

import contextlib
import contextvars
import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.actions.create import CreateAction
from wagtail.log_actions import log
from wagtail.models import Revision, WorkflowState

from . import notifications
from .models import CouncilVote, CouncilVoteTask, Initiative, InitiativeAttachment
from .models.initiative import PERSONAL_FIELDS

#: Audit-log actions of the journey (labels in wagtail_hooks.py).
STAGE_ACTION = "initiatives.stage"
EXPIRE_ACTION = "initiatives.expire"
ANONYMISE_ACTION = "initiatives.anonymise"

#: Fields an author may change when amending through the tracking link.
AMENDABLE_FIELDS = (
    "title",
    "summary",
    "problem",
    "solution",
    "request_to_municipality",
    "municipality",
    "topics",
    "supporting_organization",
    "author_phone",
    "public_name",
)

#: Days after which an unconfirmed submission is deleted.
UNCONFIRMED_EXPIRY_DAYS = 7

#: Stages after which nothing more happens to an initiative: its final outcome.
FINAL_STAGES = (
    Initiative.Stage.REJECTED,
    Initiative.Stage.IMPLEMENTED,
    Initiative.Stage.PARTIALLY_IMPLEMENTED,
    Initiative.Stage.DECLINED,
    Initiative.Stage.NO_ANSWER,
)

_clock = contextvars.ContextVar("initiatives_journey_clock", default=None)


def now():
    """The time a transition happens at: now, unless inside `as_of`."""
    return _clock.get() or timezone.now()


@contextlib.contextmanager
def as_of(moment):
    """Date the transitions made inside the block at `moment`.

    For the demo's stories, which happened days or weeks ago; the public
    timeline, the dashboards' "days waiting" and the retention period read
    the journey's dates, so they show the story as it would have been lived.
    """
    token = _clock.set(moment)
    try:
        yield
    finally:
        _clock.reset(token)


@transaction.atomic
def _move(initiative, stage, user=None, **fields):
    """Put `initiative` in `stage` (and set journey `fields`), with history.

    Reloads and locks the row first, so that a draft held in memory is never
    written (nor recorded by the history) as if it were live. Returns the row;
    the caller's object gets the new values too.
    """
    row = Initiative.objects.select_for_update().get(pk=initiative.pk)
    previous = row.stage
    row.stage = stage
    row.stage_changed_at = now()
    for name, value in fields.items():
        setattr(row, name, value)
    if user is not None:
        row._history_user = user
    row.save(update_fields=["stage", "stage_changed_at", *fields])
    log(row, STAGE_ACTION, user=user, data={"from": previous, "to": stage})
    for name in ("stage", "stage_changed_at", *fields):
        setattr(initiative, name, getattr(row, name))
    return row


def _locked(initiative_or_pk):
    pk = getattr(initiative_or_pk, "pk", initiative_or_pk)
    return Initiative.objects.select_for_update().get(pk=pk)


def _notify(initiative, event, **extra):
    """E-mail the author, if they gave an e-mail address; True if sent."""
    if not initiative.author_email:
        return False
    return notifications.notify_author(initiative, event, **extra)


# --- Submission and confirmation ------------------------------------------


def submit(
    *,
    title,
    summary,
    problem,
    solution,
    request_to_municipality,
    municipality,
    author_name,
    submission_key,
    author_email="",
    topics=(),
    supporting_organization=None,
    language="ka",
    author_phone="",
    author_address="",
    public_name=Initiative.PublicName.FULL_NAME,
    attachments=(),
    consent_given_at=None,
    channel=Initiative.Channel.ONLINE,
    consent_recorded_by=None,
    user=None,
):
    """Save a submission as an unconfirmed draft and return it.

    `attachments` are uploaded files (already validated: images/PDF, size);
    `submission_key` (a UUID from the form) makes a double submit return the
    initiative the first one created. Nothing is saved if anything fails.
    The caller sends the confirmation e-mail (or, for staff, confirms).
    """
    existing = Initiative.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    initiative = Initiative(
        title=title,
        summary=summary,
        problem=problem,
        solution=solution,
        request_to_municipality=request_to_municipality,
        municipality=municipality,
        supporting_organization=supporting_organization,
        language=language,
        author_name=author_name,
        author_email=author_email,
        author_phone=author_phone,
        author_address=author_address,
        public_name=public_name,
        consent_given_at=consent_given_at or now(),
        consent_recorded_by=consent_recorded_by,
        channel=channel,
        stage=Initiative.Stage.UNCONFIRMED,
        submitted_at=now(),
        stage_changed_at=now(),
        submission_key=submission_key,
    )
    initiative.topics = list(topics)
    files = [
        InitiativeAttachment(
            file=upload,
            # Forms store files under random names and keep the citizen's
            # file name in `original_name`.
            original_name=getattr(upload, "original_name", upload.name)[:255],
            content_type=getattr(upload, "content_type", "") or "",
            size=upload.size,
        )
        for upload in attachments
    ]
    initiative.attachments = files
    try:
        with transaction.atomic():
            created = CreateAction(initiative, user=user).execute(
                skip_permission_checks=True
            )
            log(
                created,
                STAGE_ACTION,
                user=user,
                data={"from": None, "to": Initiative.Stage.UNCONFIRMED},
            )
            return created
    except Exception as error:
        # Rolled back: remove the files already written, or they would stay
        # on disk without any initiative.
        for attachment in files:
            if attachment.file and attachment.file._committed:
                attachment.file.storage.delete(attachment.file.name)
        if not isinstance(error, IntegrityError):
            raise
        # The same form submitted twice at once: the other request won.
        existing = Initiative.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing


@transaction.atomic
def confirm(initiative, user=None):
    """Record the confirmation and start the review workflow.

    The author confirms through the e-mailed link; staff who enter a paper or
    phone submission confirm on the author's behalf (`user`). Returns True if
    this call confirmed it, False if it was already confirmed (a replayed
    link, a double submit).
    """
    row = _locked(initiative)
    if row.confirmed_at is not None:
        return False
    row = _move(row, Initiative.Stage.MODERATION, user=user, confirmed_at=now())
    workflow = row.get_workflow()
    if workflow is not None:
        with notifications.for_staff():  # Wagtail e-mails the moderators
            workflow.start(row, user)
    initiative.refresh_from_db()
    _notify(initiative, "received")
    return True


# --- The review workflow --------------------------------------------------


def task_started(task_state, user=None):
    """The workflow reached a task: the stage follows (a Wagtail signal calls).

    The council's task also tells its members (a custom task gets no e-mail
    from Wagtail) and the author.
    """
    initiative = Initiative.objects.get(pk=task_state.workflow_state.object_id)
    task = task_state.task.specific
    if isinstance(task, CouncilVoteTask):
        if initiative.stage != Initiative.Stage.COUNCIL:
            _move(initiative, Initiative.Stage.COUNCIL, user=user)
            notifications.notify_council(task_state, task)
            _notify(initiative, "in_council")
    elif initiative.stage != Initiative.Stage.MODERATION:
        _move(initiative, Initiative.Stage.MODERATION, user=user)


@transaction.atomic
def return_to_author(task_state, user, *, reason, message):
    """Moderators return the initiative for changes, with a coded reason.

    The reason and the message are kept on the initiative (the author's
    tracking page shows them) and in the workflow history (as the comment,
    in the moderator's language); the author is e-mailed.
    """
    initiative = _locked(task_state.workflow_state.object_id)
    _move(
        initiative,
        Initiative.Stage.NEEDS_CHANGES,
        user=user,
        rejection_reason=reason,
        rejection_message=message,
    )
    # The comment is in the moderator's language (the workflow's history).
    comment = f"[{Initiative.RejectionReason(reason).label}] {message}"
    with notifications.for_staff():
        task_state.reject(user=user, comment=comment)
    _notify(
        initiative,
        "needs_changes",
        reason=Initiative.RejectionReason(reason).label,
        message=message,
    )


def workflow_rejected(workflow_state, user=None):
    """A task rejected the initiative outside `return_to_author`/`not_accept`.

    Only a task an administrator added to the workflow does that (the two
    tasks of the initiative review call the functions above, which move the
    stage first); the initiative is then returned to its author.
    """
    initiative = Initiative.objects.get(pk=workflow_state.object_id)
    if initiative.stage in (
        Initiative.Stage.NEEDS_CHANGES,
        Initiative.Stage.REJECTED,
    ):
        return
    comment = workflow_state.current_task_state.get_comment()
    _move(
        initiative,
        Initiative.Stage.NEEDS_CHANGES,
        user=user,
        rejection_reason=Initiative.RejectionReason.OTHER,
        rejection_message=comment,
    )
    _notify(
        initiative,
        "needs_changes",
        reason=Initiative.RejectionReason.OTHER.label,
        message=comment,
    )


@transaction.atomic
def resubmit(initiative, cleaned_data, user=None):
    """Save the author's amendment as a new revision and send it back to review.

    Only for an initiative returned by the moderators (stage NEEDS_CHANGES);
    `cleaned_data` may hold any of AMENDABLE_FIELDS. The workflow resumes at
    the task that returned it (moderation). Returns False if it was not
    waiting for changes (e.g. a form posted twice).
    """
    row = _locked(initiative)
    state = row.current_workflow_state
    if (
        row.stage != Initiative.Stage.NEEDS_CHANGES
        or state is None
        or state.status != WorkflowState.STATUS_NEEDS_CHANGES
    ):
        return False
    draft = row.get_latest_revision_as_object()
    for name in AMENDABLE_FIELDS:
        if name in cleaned_data:
            value = cleaned_data[name]
            setattr(draft, name, list(value) if name == "topics" else value)
    draft.save_revision(user=user)
    _move(
        row,
        Initiative.Stage.MODERATION,
        user=user,
        rejection_reason="",
        rejection_message="",
    )
    with notifications.for_staff():
        state.resume(user=user)
    initiative.refresh_from_db()
    return True


@transaction.atomic
def accept(workflow_state, user=None):
    """The council accepted it: publish the reviewed text, "accepted for advocacy".

    The end of the workflow (`WAGTAIL_FINISH_WORKFLOW_ACTION`, publishing.py)
    calls this. Council members approve without any right to publish, so the
    permission check is skipped: reaching the end of the workflow is the
    permission.
    """
    initiative = _locked(workflow_state.object_id)
    # The stage first: the first public history row then says "accepted".
    _move(
        initiative,
        Initiative.Stage.ACCEPTED,
        user=user,
        accepted_at=now(),
        rejection_reason="",
        rejection_message="",
    )
    initiative.get_latest_revision().publish(user=user, skip_permission_checks=True)
    initiative.refresh_from_db()
    _notify(initiative, "accepted")
    return initiative


@transaction.atomic
def not_accept(task_state, user, summary):
    """The council did not accept it: final, explained to the author.

    The explanation is the comments of the votes against, without names.
    """
    initiative = _locked(task_state.workflow_state.object_id)
    comments = task_state.council_votes.filter(
        choice=CouncilVote.Choice.AGAINST
    ).exclude(comment="")
    message = "\n\n".join(vote.comment for vote in comments)
    _move(
        initiative,
        Initiative.Stage.REJECTED,
        user=user,
        rejection_reason="",
        rejection_message=message,
    )
    with notifications.for_staff():
        task_state.reject(user=user, comment=str(summary))
    _notify(initiative, "rejected", message=message)


# --- Advocacy -------------------------------------------------------------


def stage_from_steps(initiative):
    """The stage the recorded advocacy steps put an accepted initiative in."""
    last = initiative.advocacy_steps.order_by("-date", "-pk").first()
    return last.stage if last else Initiative.Stage.ACCEPTED


def step_recorded(step, created, user=None):
    """An advocacy step was saved: the stage follows; the author hears of a new one."""
    initiative = step.initiative
    stage = stage_from_steps(initiative)
    if stage != initiative.stage:
        _move(initiative, stage, user=user)
    if created:
        _notify(initiative, "advocacy_step", step=step)


def step_removed(step, user=None):
    """An advocacy step was deleted: the stage follows the steps that remain."""
    initiative = Initiative.objects.filter(pk=step.initiative_id).first()
    if initiative is None:
        return  # deleted together with its initiative
    stage = stage_from_steps(initiative)
    if stage != initiative.stage:
        _move(initiative, stage, user=user)


# --- Ends: expiry and anonymisation ----------------------------------------


def _revisions(initiative_pk):
    return Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Initiative),
        object_id=str(initiative_pk),
    )


def expire_unconfirmed(days=UNCONFIRMED_EXPIRY_DAYS):
    """Delete submissions never confirmed within `days`; returns how many.

    The draft, its revisions and its attachments (files too) go; the audit
    log keeps a line that it expired.
    """
    cutoff = now() - datetime.timedelta(days=days)
    expired = Initiative.objects.filter(
        stage=Initiative.Stage.UNCONFIRMED,
        confirmed_at__isnull=True,
        submitted_at__lt=cutoff,
    )
    count = 0
    for initiative in expired:
        with transaction.atomic():
            row = _locked(initiative)
            if row.confirmed_at is not None:
                continue  # confirmed meanwhile
            log(row, EXPIRE_ACTION, deleted=True)
            _revisions(row.pk).delete()
            row.delete()  # attachments: their files go with them (signals)
        count += 1
    return count


def retention_days():
    return getattr(settings, "INITIATIVE_AUTHOR_RETENTION_DAYS", 183)


def due_for_anonymisation(days=None):
    """Initiatives whose final outcome is older than the retention period and
    whose author's data are still there."""
    days = retention_days() if days is None else days
    cutoff = now() - datetime.timedelta(days=days)
    return Initiative.objects.filter(
        anonymised_at__isnull=True,
        stage__in=FINAL_STAGES,
        stage_changed_at__lt=cutoff,
    ).order_by("stage_changed_at", "pk")


#: What anonymisation leaves of the author in the row, its history and its
#: revisions: nothing personal, shown publicly as "Anonymous".
ANONYMOUS_AUTHOR = {
    **dict.fromkeys(PERSONAL_FIELDS, ""),
    "public_name": Initiative.PublicName.ANONYMOUS,
}


@transaction.atomic
def anonymise(initiative, user=None):
    """Remove the author's personal data for good; the initiative stays.

    Blanks the author's name, e-mail, phone and postal address (shown
    publicly as "Anonymous" from now on), deletes the attachments (their
    files once committed), and scrubs the same data from every
    simple-history row and every saved revision. The stage, the public text
    and the timeline are kept. Returns False if it was already done.
    """
    row = _locked(initiative)
    if row.anonymised_at is not None:
        return False
    for name, value in ANONYMOUS_AUTHOR.items():
        setattr(row, name, value)
    row.anonymised_at = now()
    if user is not None:
        row._history_user = user
    row.save(update_fields=[*ANONYMOUS_AUTHOR, "anonymised_at"])
    InitiativeAttachment.objects.filter(initiative_id=row.pk).delete()
    Initiative.history.filter(id=row.pk).update(**dict.fromkeys(PERSONAL_FIELDS, ""))
    for revision in _revisions(row.pk):
        content = dict(revision.content)
        content.update(ANONYMOUS_AUTHOR)
        content["attachments"] = []
        content["anonymised_at"] = row.anonymised_at.isoformat()
        revision.content = content
        revision.save(update_fields=["content"])
    log(row, ANONYMISE_ACTION, user=user)
    for name in (*ANONYMOUS_AUTHOR, "anonymised_at"):
        setattr(initiative, name, getattr(row, name))
    return True
