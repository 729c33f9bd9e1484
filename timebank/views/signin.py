"""Members sign in without a password: a one-time link by e-mail."""

from django.contrib.auth import login, logout
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import notifications
from ..forms import SignInForm
from ..models import Member
from ..signin import safe_next, user_from_token
from .guards import first_submission, rate_limited


def sign_in(request):
    """Ask for a link. The answer is the same whether or not the address is a
    member's, so the form tells nobody who is in the time bank."""
    if request.method != "POST":
        return TemplateResponse(
            request, "timebank/sign_in.html", {"form": SignInForm()}
        )
    form = SignInForm(request.POST)
    if form.is_spam:
        return redirect("timebank:sign_in_sent")
    if not form.is_valid():
        if "submission_key" in form.errors:
            form.renew_key()
        return TemplateResponse(request, "timebank/sign_in.html", {"form": form})
    if rate_limited(request, "timebank.sign_in", "TIME_BANK_SIGN_IN_RATE"):
        return TemplateResponse(
            request,
            "timebank/sign_in.html",
            {"form": form, "rate_limited": True},
            status=429,
        )
    if first_submission(form, "timebank:sign-in"):
        member = (
            Member.objects.approved()
            .with_confirmed_email(form.cleaned_data["email"])
            .order_by("-pk")
            .first()
        )
        if member is not None:
            notifications.sign_in_link(member)
    return redirect("timebank:sign_in_sent")


def sign_in_sent(request):
    return TemplateResponse(request, "timebank/sign_in_sent.html", {})


@never_cache
def sign_in_link(request):
    """The link of the e-mail: a page with one button. Signing in takes a POST,
    so a mail scanner that opens the link does not use it up."""
    token = request.POST.get("sesame") or request.GET.get("sesame") or ""
    next_url = safe_next(request, reverse("timebank:me"))
    if request.method != "POST":
        return TemplateResponse(
            request,
            "timebank/sign_in_link.html",
            {"token": token, "next": next_url},
        )
    user = user_from_token(request, token)
    member = getattr(user, "time_bank_member", None) if user else None
    if member is None or not member.can_exchange:
        return TemplateResponse(
            request, "timebank/sign_in_link.html", {"invalid": True}, status=400
        )
    # login() updates last_login, which invalidates this link and older ones.
    login(request, user, backend="sesame.backends.ModelBackend")
    return redirect(next_url)


@require_POST
def sign_out(request):
    logout(request)
    return redirect("timebank:index")
