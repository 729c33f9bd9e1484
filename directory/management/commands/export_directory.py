"""Write the public directory as CSV (the open-data table; no private fields)."""

import io

from django.core.management.base import BaseCommand, CommandError

from directory.tabular import export_rows, write_csv


class Command(BaseCommand):
    help = (
        "Export the published organizations (public fields, Georgian and English) "
        "as CSV, to FILE or to standard output. import_directory reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Output file (default: stdout).")

    def handle(self, *args, **options):
        buffer = io.StringIO()
        write_csv(buffer, export_rows())
        if not options["file"]:
            self.stdout.write(buffer.getvalue(), ending="")
            return
        try:
            with open(options["file"], "w", encoding="utf-8", newline="") as output:
                output.write(buffer.getvalue())
        except OSError as error:
            raise CommandError(f"Cannot write {options['file']}: {error}") from error
