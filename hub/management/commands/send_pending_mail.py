"""Send the stored e-mails that are due (run every few minutes: cron, a timer)."""

from django.core.management.base import BaseCommand

from hub.mail import send_pending


class Command(BaseCommand):
    help = "Send the e-mails of the outbox that are due, retrying refused ones."

    def handle(self, *args, **options):
        sent, pending = send_pending()
        self.stdout.write(f"{sent} sent, {pending} still pending")
