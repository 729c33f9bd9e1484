"""The life of an initiative as service functions, for views, admin and demo.

The public side (forms, confirmation and tracking views) calls these; they do
the saving in transactions and drive Wagtail's workflow, so that every path
(online form, paper submission entered by staff, demo data) behaves the same.

Stages (`Initiative.stage`) follow the workflow through the signal handlers in
`initiatives.signals`; the author is e-mailed from there and from
`initiatives.notifications`.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.actions.create import CreateAction
from wagtail.models import Revision, WorkflowState

from .models import Initiative, InitiativeAttachment

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


def create_submission(
    *,
    title,
    summary,
    problem,
    solution,
    request_to_municipality,
    municipality,
    author_name,
    author_email,
    submission_key,
    topics=(),
    supporting_organization=None,
    language="ka",
    author_phone="",
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
    The caller sends the confirmation e-mail.
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
        public_name=public_name,
        consent_given_at=consent_given_at or timezone.now(),
        consent_recorded_by=consent_recorded_by,
        channel=channel,
        stage=Initiative.Stage.UNCONFIRMED,
        submission_key=submission_key,
    )
    initiative.topics = list(topics)
    files = [
        InitiativeAttachment(
            file=upload,
            # The public form stores files under random names and keeps the
            # citizen's file name in `original_name`.
            original_name=getattr(upload, "original_name", upload.name)[:255],
            content_type=getattr(upload, "content_type", "") or "",
            size=upload.size,
        )
        for upload in attachments
    ]
    initiative.attachments = files
    try:
        with transaction.atomic():
            return CreateAction(initiative, user=user).execute(
                skip_permission_checks=True
            )
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
def confirm_submission(initiative, user=None):
    """Record the e-mail confirmation and start the review workflow.

    Returns True if this call confirmed it, False if it was already confirmed
    (a replayed confirmation link changes nothing).
    """
    row = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if row.confirmed_at is not None:
        return False
    row.set_stage(Initiative.Stage.MODERATION, confirmed_at=timezone.now())
    row.refresh_from_db()
    workflow = row.get_workflow()
    if workflow is not None:
        workflow.start(row, user)
    initiative.refresh_from_db()
    return True


@transaction.atomic
def resubmit_after_changes(initiative, cleaned_data, user=None):
    """Save the author's amendment as a new revision and send it back to review.

    Only for an initiative returned by the moderators (stage NEEDS_CHANGES);
    `cleaned_data` may hold any of AMENDABLE_FIELDS. The workflow resumes at
    the task that returned it (moderation). Returns False if it was not
    waiting for changes (e.g. a form posted twice).
    """
    row = Initiative.objects.select_for_update().get(pk=initiative.pk)
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
    row.set_stage(
        Initiative.Stage.MODERATION, rejection_reason="", rejection_message=""
    )
    state.resume(user=user)
    initiative.refresh_from_db()
    return True


def expire_unconfirmed(days=UNCONFIRMED_EXPIRY_DAYS):
    """Delete submissions never confirmed within `days`; returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    expired = Initiative.objects.filter(
        stage=Initiative.Stage.UNCONFIRMED,
        confirmed_at__isnull=True,
        submitted_at__lt=cutoff,
    )
    count = 0
    for initiative in expired.prefetch_related("attachments"):
        with transaction.atomic():
            files = [attachment.file for attachment in initiative.attachments.all()]
            Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Initiative),
                object_id=str(initiative.pk),
            ).delete()
            initiative.delete()
            transaction.on_commit(
                lambda files=files: [f.delete(save=False) for f in files]
            )
        count += 1
    return count
