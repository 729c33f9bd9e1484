"""The life of a case as service functions, for views, admin, demo and tests.

Every path (the public form, the confirmation link, the consultants' admin,
the feedback link) goes through these, so that saving is transactional and
the e-mails go out once, after the change is committed.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from directory.models import Organization

from . import notifications, tokens
from .models import Case, CaseDocument, CaseNote, CaseSession


def source_organization(organization):
    """The directory's row in the default language (a visitor of the English
    site may pick the English translation; cases point at the source)."""
    if organization is None:
        return None
    source = Organization.objects.filter(
        translation_key=organization.translation_key, locale=Locale.get_default()
    ).first()
    return source or organization


def organization_municipality(organization):
    """The municipality a case of this organization is counted in: its first
    (by name) of those it works in."""
    return organization.municipalities.order_by("name_en").first()


def create_request(
    *,
    contact_name,
    contact_email,
    kind,
    question,
    submission_key,
    organization=None,
    group_name="",
    municipality=None,
    contact_phone="",
    urgency=Case.Urgency.NORMAL,
    preferred_mode=Case.Mode.OFFICE,
    language="ka",
    consent_given_at=None,
):
    """Save a request as an unconfirmed case and return it.

    A second call with the same `submission_key` (a double submit) returns
    the case the first one made. Nothing is saved if anything fails. The
    caller sends the confirmation e-mail.
    """
    existing = Case.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    organization = source_organization(organization)
    if organization is not None:
        group_name = ""
        municipality = organization_municipality(organization) or municipality
    case = Case(
        organization=organization,
        group_name=group_name.strip(),
        municipality=municipality,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        kind=kind,
        question=question,
        urgency=urgency,
        preferred_mode=preferred_mode,
        language=language,
        channel=Case.Channel.ONLINE,
        consent_given_at=consent_given_at or timezone.now(),
        submission_key=submission_key,
        status=Case.Status.UNCONFIRMED,
    )
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        # The same form posted twice at the same moment: the other one won.
        existing = Case.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing
    return case


@transaction.atomic
def confirm_request(case):
    """The contact confirmed the e-mail: the request becomes a new case, due
    by its urgency, and the consultants are told. False if already confirmed
    (a replayed link changes nothing)."""
    row = Case.objects.select_for_update().get(pk=case.pk)
    if row.status != Case.Status.UNCONFIRMED:
        return False
    row.status = Case.Status.NEW
    row.confirmed_at = timezone.now()
    row.due_date = row.first_due_date()
    row.save()
    transaction.on_commit(lambda: notifications.notify_consultants_of_new_request(row))
    case.refresh_from_db()
    return True


def after_staff_change(case, *, previous_status, previous_assignee_id, user):
    """What follows a consultant's save: e-mail a newly assigned consultant
    (unless they assigned themselves); on closing, ask the organization for
    feedback once. Call inside the saving transaction."""
    if case.assignee_id and case.assignee_id != previous_assignee_id:
        if case.assignee_id != getattr(user, "pk", None):
            transaction.on_commit(lambda: notifications.notify_assignee(case, user))
    closed_now = (
        case.status == Case.Status.CLOSED and previous_status != Case.Status.CLOSED
    )
    if closed_now:
        request_feedback(case)


def request_feedback(case):
    """Send the feedback question for a closed case, if nobody answered yet
    and there is an address to send it to. True if it will be sent."""
    if (
        case.status != Case.Status.CLOSED
        or case.feedback_received_at is not None
        or not case.contact_email
    ):
        return False
    case.feedback_requested_at = timezone.now().replace(microsecond=0)
    case.save(update_fields=["feedback_requested_at"])
    transaction.on_commit(lambda: notifications.send_feedback_request(case))
    return True


def feedback_case(token):
    """The case a feedback link is for, or raise tokens.InvalidToken (and
    tokens.ExpiredToken); None if the link belongs to no current closing."""
    pk, stamp = tokens.read_feedback_token(token)
    case = Case.objects.filter(pk=pk).first()
    if case is None or not stamp or tokens.feedback_stamp(case) != stamp:
        return None
    return case


@transaction.atomic
def record_feedback(case, satisfaction, comment=""):
    """The organization's answer; False if one was already recorded."""
    row = Case.objects.select_for_update().get(pk=case.pk)
    if row.feedback_received_at is not None:
        return False
    row.satisfaction = satisfaction
    row.feedback_comment = comment
    row.feedback_received_at = timezone.now()
    row.save()
    case.refresh_from_db()
    return True


def expire_unconfirmed(days=tokens.CONFIRMATION_DAYS):
    """Delete requests never confirmed within `days`, with their history rows
    (they hold personal data of someone who never confirmed); how many."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    expired = list(
        Case.objects.filter(
            status=Case.Status.UNCONFIRMED, requested_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    content_type = ContentType.objects.get_for_model(Case)
    for pk in expired:
        with transaction.atomic():
            Case.objects.filter(pk=pk).delete()
            for model in (Case, CaseSession, CaseNote, CaseDocument):
                field = "id" if model is Case else "case_id"
                model.history.model.objects.filter(**{field: pk}).delete()
            ModelLogEntry.objects.filter(
                content_type=content_type, object_id=str(pk)
            ).delete()
    return len(expired)
