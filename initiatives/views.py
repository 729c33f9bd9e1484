"""The public side of initiatives: list, detail, submission, confirmation, tracking.

Saving and every change of stage live in `initiatives.journey`; these views
validate input, call it, and show people where their initiative stands.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited
from wagtail.admin.utils import get_admin_base_url

from hub import content_cache, mail
from hub.pagination import paginate, query_string_without_page

from . import journey, tokens
from .forms import AmendmentForm, PublicInitiativeFilterSet, SubmissionForm
from .models import Initiative
from .notifications import tracking_url

logger = logging.getLogger(__name__)

PAGE_SIZE = 12
# The confirmation e-mail of one submission key is sent once, even when the
# same form is posted twice at the same moment.
MAIL_ONCE_TIMEOUT = 24 * 60 * 60


def submit_rate(group, request):
    """Initiatives accepted per hour from one address; None turns the limit off
    (the benchmark does that through the INITIATIVE_SUBMIT_RATE setting)."""
    return getattr(settings, "INITIATIVE_SUBMIT_RATE", "5/h")


def initiative_index(request):
    initiatives = Initiative.objects.public()
    filterset = PublicInitiativeFilterSet(request.GET or None, queryset=initiatives)
    if filterset.is_bound:
        filterset.is_valid()  # invalid filters are left out of `qs` and explained
    page = paginate(
        request, filterset.qs if filterset.is_bound else initiatives, PAGE_SIZE
    )
    return TemplateResponse(
        request,
        "initiatives/initiative_index.html",
        {
            "filterset": filterset,
            "filter_errors": filterset.is_bound and bool(filterset.errors),
            "page_obj": page,
            "initiatives": page.object_list,
            "query_string": query_string_without_page(request),
            "cache_content": True,  # hub/content_cache.py
        },
    )


def _published_with_steps(pk):
    initiative = Initiative.objects.public().filter(pk=pk).first()
    return initiative, list(initiative.advocacy_steps.all()) if initiative else []


def initiative_detail(request, pk):
    initiative, steps = content_cache.data(
        "initiative", pk, build=lambda: _published_with_steps(pk)
    )
    if initiative is None:
        raise Http404(_("This initiative is not published."))
    return TemplateResponse(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "author": initiative.public_author,
            "steps": steps,
            "cache_content": True,
        },
    )


def _form_page(request, form, status=200, **context):
    return TemplateResponse(
        request,
        "initiatives/initiative_form.html",
        {"form": form, **context},
        status=status,
    )


def initiative_submit(request):
    if request.method != "POST":
        return _form_page(request, SubmissionForm())
    # A second post of the same form (double click, reload): the first one won.
    key = _uuid_or_none(request.POST.get("submission_key"))
    if key and Initiative.objects.filter(submission_key=key).exists():
        return redirect("initiatives:submitted")
    form = SubmissionForm(request.POST, request.FILES)
    if form.is_spam:
        return redirect("initiatives:submitted")  # tell a bot nothing
    if not form.is_valid():
        if "submission_key" in form.errors:  # tampered with: offer a fresh one
            form.data = form.data.copy()
            form.data["submission_key"] = str(uuid.uuid4())
        return _form_page(request, form)
    if is_ratelimited(
        request,
        group="initiatives.submit",
        key="ip",
        rate=submit_rate,
        method="POST",
        increment=True,
    ):
        return _form_page(request, form, status=429, rate_limited=True)
    data = form.cleaned_data
    initiative = journey.submit(
        title=data["title"],
        summary=data["summary"],
        problem=data["problem"],
        solution=data["solution"],
        request_to_municipality=data["request_to_municipality"],
        municipality=data["municipality"],
        topics=data["topics"],
        supporting_organization=data["supporting_organization"],
        language=get_language() or settings.LANGUAGE_CODE,
        author_name=data["author_name"],
        author_email=data["author_email"],
        author_phone=data["author_phone"],
        public_name=data["public_name"],
        attachments=data["attachments"],
        submission_key=data["submission_key"],
        consent_given_at=timezone.now(),
    )
    mail_key = f"initiatives:confirm-mail:{initiative.submission_key}"
    if cache.add(mail_key, 1, MAIL_ONCE_TIMEOUT):
        send_confirmation(initiative)
    return redirect("initiatives:submitted")


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def send_confirmation(initiative):
    """E-mail the author the confirmation link and the private tracking link."""
    with translation.override(initiative.language):
        confirm_path = reverse(
            "initiatives:confirm",
            kwargs={"token": tokens.confirmation_token(initiative)},
        )
    mail.send(
        "initiatives/confirmation_email_subject.txt",
        "initiatives/confirmation_email.txt",
        {
            "initiative": initiative,
            "confirm_url": get_admin_base_url() + confirm_path,
            "tracking_url": tracking_url(initiative),
            "expiry_days": journey.UNCONFIRMED_EXPIRY_DAYS,
        },
        [initiative.author_email],
        language=initiative.language,
    )


def submitted(request):
    return TemplateResponse(
        request,
        "initiatives/submitted.html",
        {"expiry_days": journey.UNCONFIRMED_EXPIRY_DAYS},
    )


def _confirm_error(request, reason, status):
    return TemplateResponse(
        request,
        "initiatives/confirm_error.html",
        {"reason": reason, "expiry_days": journey.UNCONFIRMED_EXPIRY_DAYS},
        status=status,
    )


@never_cache
def confirm(request, token):
    """The link of the confirmation e-mail: a page with one button.

    Confirming takes a POST, so that mail scanners which open links by
    themselves cannot confirm for the author.
    """
    try:
        pk, key = tokens.read_confirmation_token(token)
    except tokens.ExpiredToken:
        return _confirm_error(request, "expired", 400)
    except tokens.InvalidToken:
        return _confirm_error(request, "invalid", 400)
    initiative = Initiative.objects.filter(pk=pk).first()
    if initiative is None or str(initiative.submission_key or "") != key:
        return _confirm_error(request, "missing", 404)
    context = {"initiative": initiative, "tracking_url": tracking_url(initiative)}
    if initiative.confirmed_at is not None:
        return TemplateResponse(
            request, "initiatives/confirm.html", {**context, "state": "already"}
        )
    age = timezone.now() - initiative.submitted_at
    if age > datetime.timedelta(days=journey.UNCONFIRMED_EXPIRY_DAYS):
        return _confirm_error(request, "expired", 400)
    if request.method != "POST":
        return TemplateResponse(
            request, "initiatives/confirm.html", {**context, "state": "ask"}
        )
    confirmed = journey.confirm(initiative)
    return TemplateResponse(
        request,
        "initiatives/confirm.html",
        {**context, "state": "confirmed" if confirmed else "already"},
    )


@never_cache
def track(request, token):
    """The author's private page: where the initiative stands, and amending it."""
    initiative = (
        Initiative.objects.select_related("municipality")
        .filter(tracking_token=token)
        .first()
    )
    if initiative is None:
        raise Http404(_("There is no initiative at this address."))
    can_amend = initiative.stage == Initiative.Stage.NEEDS_CHANGES
    draft = initiative.get_latest_revision_as_object()
    form = None
    if can_amend:
        form = AmendmentForm(
            request.POST if request.method == "POST" else None, instance=draft
        )
        if form.is_bound and form.is_valid():
            if journey.resubmit(initiative, form.cleaned_data):
                messages.success(
                    request,
                    _("Thank you. Your amended initiative is back in moderation."),
                )
            return redirect("initiatives:track", token=token)
    elif request.method == "POST":
        messages.info(request, _("Your initiative is not waiting for changes now."))
        return redirect("initiatives:track", token=token)
    return TemplateResponse(
        request,
        "initiatives/track.html",
        {
            "initiative": initiative,
            "draft": draft,
            "form": form,
            "author": draft.public_author,
            "steps": initiative.advocacy_steps.select_related("letter"),
        },
    )
