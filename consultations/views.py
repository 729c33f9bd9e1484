"""The public side of the desk: the request form, confirmation, tracking, feedback.

Saving happens in `consultations.casework`; these views validate, call it,
and show the person who asked where their request stands. Everything but the
form itself is behind a private link, never cached and never indexed.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hub.public_forms import over_rate_limit

from . import casework, notifications, tokens
from .forms import FeedbackForm, RequestForm, listed_organizations
from .models import Case

# The confirmation e-mail of one submission key is sent once, even when the
# same form is posted twice at the same moment.
MAIL_ONCE_TIMEOUT = 24 * 60 * 60


def request_rate(group, request):
    """Requests accepted per hour from one address (None: no limit)."""
    return getattr(settings, "CONSULTATION_REQUEST_RATE", "5/h")


def _form_page(request, form, status=200, **context):
    return TemplateResponse(
        request,
        "consultations/request_form.html",
        {"form": form, **context},
        status=status,
    )


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@require_http_methods(["GET", "HEAD", "POST"])
def request_form(request):
    organizations = listed_organizations()
    if request.method != "POST":
        return _form_page(request, RequestForm(organizations=organizations))
    # A second post of the same form (double click, reload): the first one won.
    key = _uuid_or_none(request.POST.get("submission_key"))
    if key and Case.objects.filter(submission_key=key).exists():
        return redirect("consultations:request_sent")
    form = RequestForm(request.POST, organizations=organizations)
    if form.is_spam:
        return redirect("consultations:request_sent")  # tell a bot nothing
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return _form_page(request, form)
    if over_rate_limit(request, "consultations.request", request_rate):
        return _form_page(request, form, status=429, rate_limited=True)
    data = form.cleaned_data
    new_group = data["requester"] == RequestForm.NEW_GROUP
    case = casework.create_request(
        organization=None if new_group else data["organization"],
        group_name=data["group_name"] if new_group else "",
        municipality=data["municipality"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        kind=data["kind"],
        question=data["question"],
        urgency=data["urgency"],
        preferred_mode=data["preferred_mode"],
        language=get_language() or settings.LANGUAGE_CODE,
        submission_key=data["submission_key"],
        consent_given_at=timezone.now(),
    )
    if cache.add(
        f"consultations:confirm-mail:{case.submission_key}", 1, MAIL_ONCE_TIMEOUT
    ):
        notifications.send_confirmation(case)
    return redirect("consultations:request_sent")


def tracking_path(case):
    """The private page's address in the visitor's language (links on pages
    are relative; e-mails carry absolute ones, see notifications)."""
    return reverse("consultations:track", kwargs={"token": case.tracking_token})


def request_sent(request):
    return TemplateResponse(
        request,
        "consultations/request_sent.html",
        {"days": tokens.CONFIRMATION_DAYS},
    )


def _link_error(request, reason, status, kind):
    return TemplateResponse(
        request,
        "consultations/link_error.html",
        {"reason": reason, "kind": kind, "days": tokens.CONFIRMATION_DAYS},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The link of the confirmation e-mail: a page with one button.

    Confirming takes a POST, so that mail scanners which open links by
    themselves cannot confirm for the person.
    """
    try:
        pk, key = tokens.read_confirmation_token(token)
    except tokens.ExpiredToken:
        return _link_error(request, "expired", 400, "confirmation")
    except tokens.InvalidToken:
        return _link_error(request, "invalid", 400, "confirmation")
    case = Case.objects.select_related("organization").filter(pk=pk).first()
    if case is None or str(case.submission_key or "") != key:
        return _link_error(request, "missing", 404, "confirmation")
    context = {"case": case, "tracking_url": tracking_path(case)}
    if case.status != Case.Status.UNCONFIRMED:
        return TemplateResponse(
            request, "consultations/confirm.html", {**context, "state": "already"}
        )
    if request.method != "POST":
        return TemplateResponse(
            request, "consultations/confirm.html", {**context, "state": "ask"}
        )
    confirmed = casework.confirm_request(case)
    return TemplateResponse(
        request,
        "consultations/confirm.html",
        {**context, "state": "confirmed" if confirmed else "already"},
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def track(request, token):
    """The private page of the person who asked: where the request stands.

    It shows what they wrote and what was held, never the consultants'
    notes or documents, nor the contact details (a forwarded link must not
    give them away).
    """
    case = (
        Case.objects.select_related("organization", "municipality")
        .filter(tracking_token=token)
        .first()
    )
    if case is None:
        raise Http404(_("There is no consultation request at this address."))
    feedback_url = None
    if case.status == Case.Status.CLOSED and case.feedback_received_at is None:
        if case.feedback_requested_at is not None:
            feedback_url = reverse(
                "consultations:feedback", kwargs={"token": tokens.feedback_token(case)}
            )
    return TemplateResponse(
        request,
        "consultations/track.html",
        {
            "case": case,
            "sessions": case.sessions.order_by("date", "pk"),
            "feedback_url": feedback_url,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request, token):
    """The feedback link sent on closing: one question, answered once."""
    try:
        case = casework.feedback_case(token)
    except tokens.ExpiredToken:
        return _link_error(request, "expired", 400, "feedback")
    except tokens.InvalidToken:
        return _link_error(request, "invalid", 400, "feedback")
    if case is None:
        return _link_error(request, "missing", 404, "feedback")
    context = {"case": case, "tracking_url": tracking_path(case)}
    if case.feedback_received_at is not None:
        return TemplateResponse(
            request, "consultations/feedback.html", {**context, "state": "already"}
        )
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        recorded = casework.record_feedback(
            case, form.cleaned_data["satisfaction"], form.cleaned_data["comment"]
        )
        return TemplateResponse(
            request,
            "consultations/feedback.html",
            {**context, "state": "thanks" if recorded else "already"},
        )
    return TemplateResponse(
        request,
        "consultations/feedback.html",
        {**context, "state": "ask", "form": form},
    )
