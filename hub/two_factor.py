"""Two-step sign-in for staff: a password, then a code from an authenticator app.

django-otp keeps the TOTP devices and checks the codes (with its own throttling
of wrong codes); this module adds the admin's side of it:

- any staff member may add an authenticator (Account → Two-step sign-in);
  from then on, every admin session asks for a code after the password;
- with HUB_REQUIRE_2FA_FOR_ADMINS (on in production), administrators
  (superusers and whoever may manage accounts) cannot use the admin at all
  before they have set one up.

We chose django-otp with these few views over wagtail-2fa: wagtail-2fa 1.8
declares no Wagtail release newer than 4 in its classifiers, its templates
carry inline styles our Content-Security-Policy refuses, and its strings would
need translating all the same.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

# Admin URLs a signed-in but not yet verified user may still open.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "hub_two_factor_verify",
    "hub_two_factor_setup",
}


def is_administrator(user):
    return user.is_superuser or user.has_perm("auth.change_user")


def _requires_device(user):
    return settings.HUB_REQUIRE_2FA_FOR_ADMINS and is_administrator(user)


class TwoFactorMiddleware:
    """Sends an admin user without a verified second step to give it (or, if
    they must have one and have none, to set one up)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self._redirect_for(request)
        if redirect_to:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(redirect_to)}?{query}")
        return self.get_response(request)

    def _redirect_for(self, request):
        user = request.user
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            if resolve(request.path_info).url_name in OPEN_URL_NAMES:
                return None
        except Resolver404:
            return None
        if user_has_device(user, confirmed=True):
            return "hub_two_factor_verify"
        if _requires_device(user):
            return "hub_two_factor_setup"
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


TITLES = {"header_title": _("Two-step sign-in"), "page_title": _("Two-step sign-in")}
WRONG_CODE = _("This code is not correct or has expired. Try the current one.")


@sensitive_post_parameters("token")
@never_cache
def verify(request):
    """The second step of signing in: a code from the user's authenticator."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", WRONG_CODE)
    return TemplateResponse(
        request,
        "hub/admin/two_factor_verify.html",
        {"form": form, "next": _next_url(request), **TITLES},
    )


@sensitive_post_parameters("token")
@never_cache
def setup(request):
    """Add an authenticator: scan the QR code, confirm with one code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(user, confirmed=True):
        return _status(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(
                request,
                _("Two-step sign-in is on. Each sign-in will ask for a code."),
            )
            return redirect(_next_url(request))
        form.add_error("token", WRONG_CODE)
    qr_code = segno.make(device.config_url, error="m")
    return TemplateResponse(
        request,
        "hub/admin/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            **TITLES,
            "required": _requires_device(user),
            "qr_code": qr_code.svg_inline(scale=5, dark="#000", light="#fff"),
            "secret": _grouped(device.config_url),
        },
    )


def _grouped(config_url):
    """The secret key from the otpauth URL, in groups of four for typing."""
    secret = config_url.split("secret=", 1)[1].split("&", 1)[0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _status(request):
    user = request.user
    if not user.is_verified():
        return redirect("hub_two_factor_verify")
    if request.method == "POST" and "remove" in request.POST:
        if _requires_device(user):
            messages.error(request, _("Administrators must keep two-step sign-in."))
        else:
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-step sign-in is off."))
        return redirect("hub_two_factor_setup")
    return TemplateResponse(
        request,
        "hub/admin/two_factor_status.html",
        {**TITLES, "required": _requires_device(user)},
    )
