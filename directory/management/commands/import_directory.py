"""Read organizations from a CSV in the export_directory format.

Every row is validated; with a bad row nothing is imported (one transaction,
rolled back) unless --skip-invalid is given. Existing organizations are
matched by identification code, else by name and municipality, and updated.
The file is streamed and written in batches, so memory stays flat whatever
its size; see `directory.table_import`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.table_import import import_table
from directory.tabular import TableError, check_text


class Command(BaseCommand):
    help = (
        "Import organizations from a CSV file (the export_directory format). "
        "Reports every bad row; imports nothing if any row is bad, unless "
        "--skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file (UTF-8).")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows and skip the bad ones.",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages (default: %(default)s).",
        )

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            self.import_file(options["file"], options["skip_invalid"])

    def import_file(self, path, skip_invalid):
        try:
            check_text(path)
            result, problems = import_table(path, skip_invalid)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": path, "error": error.strerror}
            ) from error
        except TableError as error:
            raise CommandError(
                _("Nothing was imported. %(error)s") % {"error": error}
            ) from error
        for problem in problems:
            self.stderr.write(str(problem))
        if result is None:
            raise CommandError(
                ngettext(
                    "%(count)s bad row; nothing was imported. Fix it, or use "
                    "--skip-invalid to import the other rows.",
                    "%(count)s bad rows; nothing was imported. Fix them, or use "
                    "--skip-invalid to import the other rows.",
                    len(problems),
                )
                % {"count": len(problems)}
            )
        for note in result.notes:
            self.stdout.write(note)
        summary = str(result)
        if problems:
            summary += "; " + ngettext(
                "%(count)s bad row skipped", "%(count)s bad rows skipped", len(problems)
            ) % {"count": len(problems)}
        self.stdout.write(self.style.SUCCESS(summary + "."))
