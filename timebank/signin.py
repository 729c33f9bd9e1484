"""One-time sign-in links for members (django-sesame).

A link is scoped to the time bank's sign-in page, expires after
`SESAME_MAX_AGE` and works once (`SESAME_ONE_TIME`: signing in changes the
login's last-login time, which invalidates every earlier link).
"""

from urllib.parse import urlencode

from django.contrib.auth import authenticate
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from sesame.utils import get_token
from wagtail.admin.utils import get_admin_base_url

SCOPE = "timebank"


def sign_in_url(member, next_path=""):
    """An absolute one-time link that signs `member` in and opens `next_path`."""
    from .members import ensure_user

    user = ensure_user(member)
    with translation.override(member.language):
        path = reverse("timebank:sign_in_link")
    query = {"sesame": get_token(user, scope=SCOPE)}
    if next_path:
        query["next"] = next_path
    return f"{get_admin_base_url()}{path}?{urlencode(query)}"


def user_from_token(request, token):
    """The user a link was made for, or None (altered, expired or used).

    Authenticated with the request, so the login lockout (django-axes) counts
    altered links from one address like wrong passwords.
    """
    if not token:
        return None
    return authenticate(request, sesame=token, scope=SCOPE)


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
