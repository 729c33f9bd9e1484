"""Private links: signed, time-limited tokens and random tracking tokens.

A signed token carries a short value (e.g. "<pk>:<submission key>") signed
with the project's secret and a salt of its own, so a token made for one
purpose (confirming an initiative) is useless for another (answering a
consultation's feedback question) and cannot be forged or pointed at another
record. A tracking token is random: it names a record without revealing it.
"""

import secrets

from django.core import signing


class InvalidToken(Exception):
    """The link was altered, cut short or made up."""


class ExpiredToken(InvalidToken):
    """The link is genuine but older than its validity period."""


def sign(salt, value):
    """A URL-safe token of `value` (a str), signed for `salt` and timestamped."""
    return signing.TimestampSigner(salt=salt).sign(value)


def unsign(salt, token, max_age):
    """The value of a token signed for `salt` at most `max_age` seconds ago.

    Raises ExpiredToken for a genuine but older token, InvalidToken for any
    other (altered, truncated, signed for another salt).
    """
    try:
        return signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error


def read_pk_and_key(salt, token, max_age):
    """(pk as int, key as str) from a token of "<pk>:<key>", or raise InvalidToken."""
    pk, _, key = unsign(salt, token, max_age).partition(":")
    if not (pk.isascii() and pk.isdigit()):
        raise InvalidToken
    return int(pk), key


def new_tracking_token():
    """A random, unguessable token for a private page's address."""
    return secrets.token_urlsafe(24)
