"""Make the English catalogue complete and compile both catalogues.

Message ids are English, so the English catalogue's translation of each entry
is its id; Georgian translations are written by people. Compiling with polib
means installing the site needs no gettext tools.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Fill the English catalogue from its message ids and compile .mo files."

    def handle(self, *args, **options):
        locale_dir = Path(settings.LOCALE_PATHS[0])
        for language in ("en", "ka"):
            po_path = locale_dir / language / "LC_MESSAGES" / "django.po"
            if not po_path.exists():
                raise CommandError(f"{po_path} is missing: run `make messages`.")
            catalogue = polib.pofile(str(po_path))
            if language == "en":
                for entry in catalogue:
                    if entry.msgid_plural:
                        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                    else:
                        entry.msgstr = entry.msgid
                    if "fuzzy" in entry.flags:
                        entry.flags.remove("fuzzy")
                catalogue.save()
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            untranslated = len(catalogue.untranslated_entries())
            fuzzy = len(catalogue.fuzzy_entries())
            self.stdout.write(
                f"{language}: {len(catalogue)} messages, "
                f"{untranslated} untranslated, {fuzzy} fuzzy"
            )
