"""Joining the time bank: the registration form and the e-mail confirmation."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from .. import members, notifications, tokens
from ..forms import RegistrationForm
from ..models import Member
from .guards import rate_limited


def _form_page(request, form, status=200, **context):
    return TemplateResponse(
        request, "timebank/join.html", {"form": form, **context}, status=status
    )


def join(request):
    if request.method != "POST":
        return _form_page(request, RegistrationForm())
    form = RegistrationForm(request.POST)
    if form.is_spam:
        return redirect("timebank:join_sent")  # tell a bot nothing
    key = form.data.get("submission_key")
    if key and Member.objects.filter(submission_key=_uuid(key)).exists():
        return redirect("timebank:join_sent")  # a double click: the first won
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return _form_page(request, form)
    if rate_limited(request, "timebank.join", "TIME_BANK_REGISTER_RATE"):
        return _form_page(request, form, status=429, rate_limited=True)
    data = form.cleaned_data
    member = members.register(
        first_name=data["first_name"].strip(),
        last_name=data["last_name"].strip(),
        public_name_choice=data["public_name_choice"],
        chosen_name=data["chosen_name"].strip(),
        municipality=data["municipality"],
        village=data["village"].strip(),
        phone=data["phone"].strip(),
        email=data["email"].strip(),
        offer_categories=data["offer_categories"],
        offers_text=data["offers_text"],
        need_categories=data["need_categories"],
        needs_text=data["needs_text"],
        availability=data["availability"],
        language=get_language() or settings.LANGUAGE_CODE,
        submission_key=data["submission_key"],
    )
    notifications.email_confirmation(member)
    return redirect("timebank:join_sent")


def _uuid(value):
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def join_sent(request):
    return TemplateResponse(request, "timebank/join_sent.html", {})


@never_cache
def confirm_email(request, token):
    """The link of the confirmation e-mail: a page with one button (POST), so
    that mail scanners opening links cannot confirm for the member."""
    try:
        pk, email = tokens.read_email_token(token)
    except tokens.ExpiredToken:
        return _confirm_page(request, "expired", status=400)
    except tokens.InvalidToken:
        return _confirm_page(request, "invalid", status=400)
    member = Member.objects.filter(pk=pk).first()
    if member is None or member.email.lower() != email:
        return _confirm_page(request, "invalid", status=404)
    if member.email_confirmed_at is not None:
        return _confirm_page(request, "already", member=member)
    if request.method != "POST":
        return _confirm_page(request, "ask", member=member)
    members.confirm_email(member)
    return _confirm_page(request, "confirmed", member=member)


def _confirm_page(request, state, status=200, **context):
    return TemplateResponse(
        request,
        "timebank/confirm_email.html",
        {"state": state, **context},
        status=status,
    )
