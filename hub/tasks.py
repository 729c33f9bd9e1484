"""Background tasks of the hub (django-tasks; see TASKS in the settings)."""

from django.db import transaction
from django_tasks import task

from hub import mail


@task()
def deliver_mail(mail_id):
    """Send one stored e-mail; if the server refuses it, try again later."""
    from hub.models import OutgoingMail

    with transaction.atomic():
        stored = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if stored is None or mail.attempt(stored):
            return
        retry_at = None if stored.failed else stored.next_attempt_at
    if retry_at and deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=retry_at).enqueue(mail_id)
    # Otherwise `send_pending_mail` (run every few minutes) tries it again.
