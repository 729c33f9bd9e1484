"""The hub's outgoing e-mail: two templates, rendered in one language, sent later.

`send()` renders the message and stores it in the outbox (`OutgoingMail`) in
the caller's transaction, then queues its delivery as a background task
(django-tasks): a citizen's submission neither waits for the mail server nor
fails with it, and a rolled-back submission sends nothing. A message the
server refuses is tried again with growing pauses (`RETRY_AFTER`), by the task
itself where the task backend can defer, and by `send_pending_mail` (run it
every few minutes) everywhere, until it is sent or given up.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

#: Pause after the n-th failed attempt; after the last one, the message is given up.
RETRY_AFTER = [
    datetime.timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360, 720)
]


def render(subject_template, body_template, context, language=None):
    """(subject on one line, body) rendered in `language` (the active one if None).

    Templates may sign with `{{ site_name }}`: the site's name in that language.
    """
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(language or translation.get_language()):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context).strip()
    return subject, body


def send(subject_template, body_template, context, recipients, *, language=None):
    """Render one message to `recipients` and queue it; True if it was queued."""
    from hub.models import OutgoingMail
    from hub.tasks import deliver_mail

    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    subject, body = render(subject_template, body_template, context, language)
    with transaction.atomic():
        mail = OutgoingMail.objects.create(
            subject=subject,
            body=body,
            recipients=recipients,
            next_attempt_at=timezone.now(),
        )
        deliver_mail.enqueue(mail.pk)
    return True


def attempt(mail):
    """Try to send one stored message now; returns True once it is sent."""
    if mail.sent_at or mail.failed:
        return bool(mail.sent_at)
    mail.attempts += 1
    try:
        send_mail(mail.subject, mail.body, None, mail.recipients)
    except Exception as error:  # the mail server's errors have no common base
        logger.warning(
            "E-mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, error
        )
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        if mail.attempts > len(RETRY_AFTER):
            mail.failed = True
            logger.error("E-mail %s given up after %s attempts", mail.pk, mail.attempts)
        else:
            mail.next_attempt_at = timezone.now() + RETRY_AFTER[mail.attempts - 1]
        mail.save(update_fields=["attempts", "last_error", "next_attempt_at", "failed"])
        return False
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["attempts", "last_error", "sent_at"])
    return True


def send_pending(now=None):
    """Send every stored message that is due; returns (sent, still pending)."""
    from hub.models import OutgoingMail

    sent = failed = 0
    for mail in OutgoingMail.objects.due(now or timezone.now()).order_by("pk"):
        if attempt(mail):
            sent += 1
        else:
            failed += 1
    return sent, failed
