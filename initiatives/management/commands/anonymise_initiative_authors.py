from django.core.management.base import BaseCommand

from initiatives import journey


class Command(BaseCommand):
    help = (
        "Remove the personal data of initiatives' authors a set time after the "
        "final outcome (INITIATIVE_AUTHOR_RETENTION_DAYS). Run daily; safe to "
        "repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after the final outcome (default: the setting, 183).",
        )

    def handle(self, *args, days, **options):
        done = []
        for initiative in journey.due_for_anonymisation(days):
            if journey.anonymise(initiative):
                done.append(initiative)
        for initiative in done:
            self.stdout.write(
                f"Anonymised #{initiative.pk} “{initiative.title}” "
                f"({initiative.stage}, {initiative.stage_changed_at:%Y-%m-%d})."
            )
        self.stdout.write(f"Anonymised {len(done)} initiative author(s).")
