"""Signed, time-limited links that confirm a submission's e-mail address.

The token names the initiative and its submission key, signed with the
project's secret and a salt of its own (see `hub.tokens`), so it is useless
for anything else and cannot be forged or pointed at another initiative.
"""

from hub.tokens import ExpiredToken, InvalidToken, read_pk_and_key, sign

from .journey import UNCONFIRMED_EXPIRY_DAYS

__all__ = [
    "ExpiredToken",
    "InvalidToken",
    "confirmation_token",
    "read_confirmation_token",
]

SALT = "initiatives.confirmation"
MAX_AGE = UNCONFIRMED_EXPIRY_DAYS * 24 * 60 * 60


def confirmation_token(initiative):
    return sign(SALT, f"{initiative.pk}:{initiative.submission_key or ''}")


def read_confirmation_token(token):
    """(initiative pk, submission key as str) from a token, or raise InvalidToken."""
    return read_pk_and_key(SALT, token, MAX_AGE)
