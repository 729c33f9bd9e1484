"""The hub's outgoing e-mail: every message is two templates, sent in one language.

One place for rendering and sending, so that every app writes to people the
same way: in the recipient's language, and without a mail outage ever undoing
what the person just did (a failure is logged, and reported as False).
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def render(subject_template, body_template, context, language=None):
    """(subject on one line, body) rendered in `language` (the active one if None)."""
    with translation.override(language or translation.get_language()):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context).strip()
    return subject, body


def send(subject_template, body_template, context, recipients, *, language=None):
    """Render and send one message to `recipients`; True if it was handed over."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    subject, body = render(subject_template, body_template, context, language)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # the mail server's errors have no common base class
        logger.exception("Could not send %s to %s", subject_template, recipients)
        return False
    return True
