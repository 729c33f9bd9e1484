"""The private links of a request: confirming the e-mail, answering the feedback.

Both are signed for their own purpose (see `hub.tokens`): a confirmation link
cannot answer the feedback question, nor the other way round, and neither
can be pointed at another case.
"""

from hub.tokens import ExpiredToken, InvalidToken, read_pk_and_key, sign

__all__ = [
    "CONFIRMATION_DAYS",
    "ExpiredToken",
    "FEEDBACK_DAYS",
    "InvalidToken",
    "confirmation_token",
    "feedback_token",
    "read_confirmation_token",
    "read_feedback_token",
]

#: Days to confirm a request; unconfirmed ones are deleted after that.
CONFIRMATION_DAYS = 7
#: Days the feedback link works after the case is closed.
FEEDBACK_DAYS = 90

CONFIRMATION_SALT = "consultations.confirmation"
FEEDBACK_SALT = "consultations.feedback"


def confirmation_token(case):
    return sign(CONFIRMATION_SALT, f"{case.pk}:{case.submission_key or ''}")


def read_confirmation_token(token):
    """(case pk, submission key as str), or raise InvalidToken / ExpiredToken."""
    return read_pk_and_key(CONFIRMATION_SALT, token, CONFIRMATION_DAYS * 86400)


def feedback_stamp(case):
    """What binds a feedback link to one closing of the case."""
    requested = case.feedback_requested_at
    return str(int(requested.timestamp())) if requested else ""


def feedback_token(case):
    return sign(FEEDBACK_SALT, f"{case.pk}:{feedback_stamp(case)}")


def read_feedback_token(token):
    """(case pk, stamp), or raise InvalidToken / ExpiredToken."""
    return read_pk_and_key(FEEDBACK_SALT, token, FEEDBACK_DAYS * 86400)
