"""Back up the database and the media folders into a directory (`hub.backups`)."""

from django.core.management.base import BaseCommand, CommandError

from hub.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump -Fc, or SQLite's backup API) and the "
        "public and private media folders into DIRECTORY."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write the backup.")

    def handle(self, *args, **options):
        try:
            manifest = backup(options["directory"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['database']} database and the media "
                f"({', '.join(manifest['media']) or 'none'}) into "
                f"{options['directory']}."
            )
        )
