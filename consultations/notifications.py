"""E-mails of the consultation desk: to the person who asked, and to consultants.

The contact person has no account: the e-mails carry their private links
(confirmation, tracking, feedback), in the language they wrote in. E-mails to
consultants carry only a link to the case in the admin and its kind, never
the question or the contact's data.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from hub import mail
from hub.roles import CONSULTANTS

from . import tokens


def public_url(case, name, **kwargs):
    """An absolute public URL in the case's language."""
    with translation.override(case.language):
        return get_admin_base_url() + reverse(f"consultations:{name}", kwargs=kwargs)


def tracking_url(case):
    return public_url(case, "track", token=case.tracking_token)


def admin_url(case):
    return get_admin_base_url() + reverse("consultations_case:edit", args=[case.pk])


def send_confirmation(case):
    """The confirmation link and the private tracking link."""
    return mail.send(
        "consultations/email/confirmation_subject.txt",
        "consultations/email/confirmation.txt",
        {
            "case": case,
            "confirm_url": public_url(
                case, "confirm", token=tokens.confirmation_token(case)
            ),
            "tracking_url": tracking_url(case),
            "days": tokens.CONFIRMATION_DAYS,
        },
        [case.contact_email],
        language=case.language,
    )


def send_feedback_request(case):
    """The satisfaction question, asked once the case is closed."""
    return mail.send(
        "consultations/email/feedback_subject.txt",
        "consultations/email/feedback.txt",
        {
            "case": case,
            "feedback_url": public_url(
                case, "feedback", token=tokens.feedback_token(case)
            ),
            "days": tokens.FEEDBACK_DAYS,
        },
        [case.contact_email],
        language=case.language,
    )


def _to_staff(user, subject, body, case, **context):
    profile = UserProfile.get_for_user(user)
    return mail.send(
        subject,
        body,
        {**context, "case": case_summary(case), "user": user},
        [user.email],
        language=profile.get_preferred_language() or settings.LANGUAGE_CODE,
    )


def case_summary(case):
    """What an e-mail to staff may say about a case: number, kind, due date."""
    return {
        "number": case.pk,
        "kind": case.get_kind_display(),
        "urgency": case.get_urgency_display(),
        "due_date": case.due_date,
        "url": admin_url(case),
    }


def notify_consultants_of_new_request(case):
    consultants = (
        get_user_model()
        .objects.filter(groups__name=CONSULTANTS, is_active=True)
        .exclude(email="")
    )
    return sum(
        _to_staff(
            consultant,
            "consultations/email/new_request_subject.txt",
            "consultations/email/new_request.txt",
            case,
        )
        for consultant in consultants
    )


def notify_assignee(case, assigned_by):
    if case.assignee is None or not case.assignee.email:
        return False
    return _to_staff(
        case.assignee,
        "consultations/email/assigned_subject.txt",
        "consultations/email/assigned.txt",
        case,
        assigned_by=assigned_by,
    )
