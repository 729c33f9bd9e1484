from django.core.management.base import BaseCommand

from consultations.casework import expire_unconfirmed
from consultations.tokens import CONFIRMATION_DAYS


class Command(BaseCommand):
    help = "Delete consultation requests whose sender never confirmed the e-mail."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=CONFIRMATION_DAYS,
            help="Age in days after which an unconfirmed request is deleted.",
        )

    def handle(self, *args, days, **options):
        count = expire_unconfirmed(days=days)
        self.stdout.write(f"Deleted {count} unconfirmed consultation request(s).")
