"""The public pages of volunteering (/volunteering/, /en/volunteering/)."""

import uuid

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hub.pagination import paginate, query_string_without_page
from hub.public_forms import over_rate_limit
from timebank.ledger import LedgerError

from . import calendar, hours, links, moderation, signups
from .forms import FilterForm, HoursForm, OpportunityForm, SignUpForm
from .models import Opportunity, SignUp

PAGE_SIZE = 20


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def index(request):
    filters = FilterForm(request.GET or None)
    opportunities = Opportunity.objects.public()
    if filters.is_bound:
        opportunities = filters.apply(opportunities)
    page = paginate(request, opportunities, PAGE_SIZE)
    return TemplateResponse(
        request,
        "volunteering/index.html",
        {
            "filters": filters,
            "filter_errors": filters.is_bound and bool(filters.errors),
            "page_obj": page,
            "opportunities": page.object_list,
            "query_string": query_string_without_page(request),
            "cache_content": True,  # hub/content_cache.py
        },
    )


def _published(pk):
    opportunity = Opportunity.objects.published().filter(pk=pk).first()
    if opportunity is None:
        raise Http404(_("This opportunity is not published."))
    return opportunity


def detail(request, pk):
    opportunity = _published(pk)
    context = {"opportunity": opportunity}
    status = 200
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_spam:
            return redirect("volunteering:signed_up", pk=pk)
        key = _uuid(form.data.get("submission_key"))
        if key and SignUp.objects.filter(submission_key=key).exists():
            return redirect("volunteering:signed_up", pk=pk)  # a double click
        if form.is_valid():
            rate = getattr(settings, "VOLUNTEERING_SIGN_UP_RATE", None)
            if over_rate_limit(request, "volunteering.sign_up", rate):
                status = 429
                context["rate_limited"] = True
            else:
                data = form.cleaned_data
                try:
                    made = signups.sign_up(
                        opportunity,
                        name=data["name"],
                        email=data["email"],
                        phone=data["phone"],
                        age_group=data["age_group"],
                        message=data["message"],
                        credit_to_time_bank=data["credit_to_time_bank"],
                        language=_language(),
                        submission_key=data["submission_key"],
                    )
                except signups.SignUpRefused as refused:
                    form.add_error(None, refused.message)
                    status = 409 if refused.existing else 400
                else:
                    request.session["volunteering_waiting"] = (
                        made.status == SignUp.Status.WAITING
                    )
                    return redirect("volunteering:signed_up", pk=pk)
        elif "submission_key" in form.errors:
            form.renew_key()
    else:
        form = SignUpForm()
    context.update(
        form=form,
        places_left=signups.places_left(opportunity),
        today=timezone.localdate(),
    )
    return TemplateResponse(request, "volunteering/detail.html", context, status=status)


def signed_up(request, pk):
    opportunity = _published(pk)
    waiting = request.session.pop("volunteering_waiting", False)
    return TemplateResponse(
        request,
        "volunteering/signed_up.html",
        {"opportunity": opportunity, "waiting": waiting},
    )


def ical(request, pk):
    opportunity = _published(pk)
    if not opportunity.is_dated:
        raise Http404(_("This opportunity has no dates."))
    response = HttpResponse(
        calendar.ics(opportunity, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="volunteering-{opportunity.pk}.ics"'
    )
    return response


def post(request):
    """An organization posts an opportunity; staff review it first."""
    status = 200
    context = {}
    if request.method == "POST":
        form = OpportunityForm(request.POST)
        if form.is_spam:
            return redirect("volunteering:posted")
        key = _uuid(form.data.get("submission_key"))
        if key and Opportunity.objects.filter(submission_key=key).exists():
            return redirect("volunteering:posted")
        if form.is_valid():
            rate = getattr(settings, "VOLUNTEERING_POST_RATE", None)
            if over_rate_limit(request, "volunteering.post", rate):
                status = 429
                context["rate_limited"] = True
            else:
                opportunity = form.save(commit=False)
                opportunity.submitter_email = form.cleaned_data["submitter_email"]
                opportunity.submission_key = form.cleaned_data["submission_key"]
                moderation.submit(opportunity, form.cleaned_data["topics"])
                return redirect("volunteering:posted")
        elif "submission_key" in form.errors:
            form.renew_key()
    else:
        form = OpportunityForm(initial={"language": _language()})
    context["form"] = form
    return TemplateResponse(request, "volunteering/post.html", context, status=status)


def posted(request):
    return TemplateResponse(request, "volunteering/posted.html", {})


@never_cache
def confirm_email(request, token):
    """A page with one button (POST), so mail scanners cannot confirm."""
    sign_up = links.read(
        links.EMAIL_SALT,
        links.EMAIL_MAX_AGE,
        token,
        SignUp.objects.select_related("opportunity"),
        "key",
    )
    if sign_up is None:
        state, status = "invalid", 400
    elif sign_up.email_confirmed_at:
        state, status = "already", 200
    elif request.method == "POST":
        signups.confirm_email(sign_up)
        state, status = "confirmed", 200
    else:
        state, status = "ask", 200
    return TemplateResponse(
        request,
        "volunteering/confirm_email.html",
        {"state": state, "sign_up": sign_up},
        status=status,
    )


def _hours_forms(sign_ups, data=None):
    return [
        (
            sign_up,
            HoursForm(
                data,
                prefix=f"s{sign_up.pk}",
                initial={
                    "attended": sign_up.attended,
                    "hours": (sign_up.minutes or 0) // 60 if sign_up.minutes else None,
                    "minutes": (sign_up.minutes or 0) % 60 if sign_up.minutes else None,
                },
            ),
        )
        for sign_up in sign_ups
    ]


@never_cache
def organizer(request, token):
    """The organization's private page: its sign-ups, and after the activity
    starts, who came and for how long."""
    opportunity = links.read(
        links.ORGANIZER_SALT,
        links.ORGANIZER_MAX_AGE,
        token,
        Opportunity.objects.select_related("organization", "municipality"),
        "organizer_key",
    )
    if opportunity is None:
        return TemplateResponse(
            request, "volunteering/organizer_invalid.html", {}, status=400
        )
    sign_ups = list(
        opportunity.sign_ups.exclude(status=SignUp.Status.CANCELLED).order_by(
            "status", "created_at", "pk"
        )
    )
    today = timezone.localdate()
    can_confirm = opportunity.starts_on is None or opportunity.starts_on <= today
    status, error = 200, None
    rows = _hours_forms(sign_ups, request.POST if request.method == "POST" else None)
    if request.method == "POST" and can_confirm:
        if all(form.is_valid() for _sign_up, form in rows):
            try:
                with transaction.atomic():
                    for sign_up, form in rows:
                        # Credited hours are settled; unchanged lines stay.
                        if sign_up.time_bank_transfer_id or not form.has_changed():
                            continue
                        hours.confirm(
                            sign_up,
                            attended=form.cleaned_data["attended"],
                            minutes=form.cleaned_data["total_minutes"],
                        )
            except (hours.HoursError, LedgerError) as problem:
                error = getattr(problem, "message", None) or " ".join(problem.messages)
                status = 400
            else:
                return redirect(f"{request.path}?saved=1")
        else:
            status = 400
    saved = request.GET.get("saved") == "1"
    return TemplateResponse(
        request,
        "volunteering/organizer.html",
        {
            "opportunity": opportunity,
            "rows": rows,
            "can_confirm": can_confirm,
            "saved": saved,
            "error": error,
        },
        status=status,
    )


@never_cache
def certificate(request, token):
    sign_up = links.read(
        links.CERTIFICATE_SALT,
        links.CERTIFICATE_MAX_AGE,
        token,
        SignUp.objects.select_related(
            "opportunity__organization", "opportunity__municipality"
        ),
        "key",
    )
    if sign_up is None or not sign_up.has_confirmed_hours:
        return TemplateResponse(
            request, "volunteering/certificate_invalid.html", {}, status=404
        )
    return TemplateResponse(
        request, "volunteering/certificate.html", {"sign_up": sign_up}
    )


def verify(request):
    """Anyone can check a certificate's code; no personal data is shown."""
    code = " ".join((request.GET.get("code") or "").split()).upper()[:20]
    found = None
    if code:
        found = (
            SignUp.objects.filter(certificate_code=code, attended=True)
            .select_related("opportunity__organization")
            .only(
                "id",
                "minutes",
                "hours_confirmed_at",
                "certificate_code",
                "opportunity__id",
                "opportunity__title",
                "opportunity__starts_on",
                "opportunity__ends_on",
                "opportunity__organization__id",
                "opportunity__organization__name",
            )
            .first()
        )
    return TemplateResponse(
        request,
        "volunteering/verify.html",
        {"code": code, "found": found},
        status=404 if code and found is None else 200,
    )
