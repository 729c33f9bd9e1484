"""Restore a backup made by `backup_site` (`hub.backups`)."""

from django.core.management.base import BaseCommand, CommandError

from hub.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database with the backup in DIRECTORY and write its media "
        "files into the configured media folders."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A folder written by backup_site.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        if options["interactive"]:
            answer = input(
                "This replaces the whole database with the backup. Type 'yes' to "
                "continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore(options["directory"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and the media of {manifest['created']}. "
                "With Elasticsearch, run `manage.py update_search_index` now."
            )
        )
