from django.core.management.base import BaseCommand

from initiatives.journey import UNCONFIRMED_EXPIRY_DAYS, expire_unconfirmed


class Command(BaseCommand):
    help = "Delete initiatives whose author never confirmed the e-mail address."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=UNCONFIRMED_EXPIRY_DAYS,
            help="Age in days after which an unconfirmed submission is deleted.",
        )

    def handle(self, *args, days, **options):
        count = expire_unconfirmed(days=days)
        self.stdout.write(f"Deleted {count} unconfirmed initiative(s).")
