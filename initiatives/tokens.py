"""Signed, time-limited links that confirm a submission's e-mail address.

The token names the initiative and its submission key, signed with the
project's secret and a salt of its own, so it is useless for anything else and
cannot be forged or pointed at another initiative.
"""

from django.core import signing

from .workflow import UNCONFIRMED_EXPIRY_DAYS

SALT = "initiatives.confirmation"
MAX_AGE = UNCONFIRMED_EXPIRY_DAYS * 24 * 60 * 60


class InvalidToken(Exception):
    """The link was altered, cut short or made up."""


class ExpiredToken(InvalidToken):
    """The link is genuine but older than the confirmation period."""


def _signer():
    return signing.TimestampSigner(salt=SALT)


def confirmation_token(initiative):
    return _signer().sign(f"{initiative.pk}:{initiative.submission_key or ''}")


def read_confirmation_token(token):
    """(initiative pk, submission key as str) from a token, or raise InvalidToken."""
    try:
        value = _signer().unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    pk, _, key = value.partition(":")
    if not pk.isdigit():
        raise InvalidToken
    return int(pk), key
