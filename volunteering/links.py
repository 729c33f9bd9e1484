"""The private links of volunteering, signed with `hub.tokens`.

- the organization's link to see its sign-ups and confirm hours (sent to the
  opportunity's contact person; names the opportunity and its organizer key,
  so a new key invalidates old links);
- the volunteer's link that confirms the e-mail address of a sign-up;
- the volunteer's link to the printable certificate.
Each has a salt of its own: one kind of link never opens another's page.
"""

from django.urls import reverse
from django.utils import translation

from hub import tokens

ORGANIZER_SALT = "volunteering.organizer"
ORGANIZER_MAX_AGE = 365 * 24 * 60 * 60
EMAIL_SALT = "volunteering.sign-up-email"
EMAIL_MAX_AGE = 14 * 24 * 60 * 60
CERTIFICATE_SALT = "volunteering.certificate"
CERTIFICATE_MAX_AGE = 5 * 365 * 24 * 60 * 60


def _path(name, token, language):
    with translation.override(language):
        return reverse(name, kwargs={"token": token})


def organizer_path(opportunity, language="ka"):
    token = tokens.sign(ORGANIZER_SALT, f"{opportunity.pk}:{opportunity.organizer_key}")
    return _path("volunteering:organizer", token, language)


def email_confirmation_path(sign_up):
    token = tokens.sign(EMAIL_SALT, f"{sign_up.pk}:{sign_up.key}")
    return _path("volunteering:confirm_email", token, sign_up.language)


def certificate_path(sign_up, language=None):
    token = tokens.sign(CERTIFICATE_SALT, f"{sign_up.pk}:{sign_up.key}")
    return _path("volunteering:certificate", token, language or sign_up.language)


def read(salt, max_age, token, queryset, key_field):
    """The object a token names, or None (altered, expired, key changed)."""
    try:
        pk, key = tokens.read_pk_and_key(salt, token, max_age)
    except tokens.InvalidToken:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None or not key or getattr(found, key_field) != key:
        return None
    return found
