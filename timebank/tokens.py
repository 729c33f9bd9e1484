"""Signed links that confirm a member's e-mail address.

The token names the member and the address, signed with a salt of its own:
it cannot be forged, pointed at another member, or reused after the address
changes. Sign-in links are django-sesame's (see `timebank.signin`).
"""

from django.core import signing

SALT = "timebank.email-confirmation"
MAX_AGE_DAYS = 14


class InvalidToken(Exception):
    """The link was altered, cut short or made up."""


class ExpiredToken(InvalidToken):
    """The link is genuine but too old."""


def _signer():
    return signing.TimestampSigner(salt=SALT)


def email_token(member):
    return _signer().sign(f"{member.pk}:{member.email.lower()}")


def read_email_token(token):
    """(member pk, e-mail) from a token, or raise InvalidToken."""
    try:
        value = _signer().unsign(token, max_age=MAX_AGE_DAYS * 24 * 60 * 60)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    pk, _, email = value.partition(":")
    if not (pk.isascii() and pk.isdigit()):
        raise InvalidToken
    return int(pk), email
