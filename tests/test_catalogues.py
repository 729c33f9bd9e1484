"""The Georgian and English catalogues cover every user-facing string."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ("ka", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_catalogue_is_complete_and_compiled(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{language}: django.mo is stale for {entry.msgid!r}: run `make messages`"
        )


@pytest.mark.skipif(
    shutil.which("xgettext") is None,
    reason="GNU gettext (xgettext) is not installed; .ci/run installs it",
)
def test_every_string_in_the_code_has_a_georgian_translation(tmp_path, settings):
    committed = (LOCALE_DIR / "ka" / "LC_MESSAGES" / "django.po").read_bytes()
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command(
        "makemessages",
        locale=["ka"],
        # makemessages adopts every "locale" folder it walks past as an output
        # folder; ignoring site/locale keeps it writing to the copy only.
        ignore_patterns=[
            ".venv",
            "node_modules",
            "staticfiles",
            ".test-media",
            "site/locale",
        ],
        no_obsolete=True,
        verbosity=0,
    )
    assert (LOCALE_DIR / "ka" / "LC_MESSAGES" / "django.po").read_bytes() == committed
    po = polib.pofile(str(tmp_path / "locale" / "ka" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 500, "the copy should hold the strings of the whole project"
    missing = [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]
    assert missing == [], "untranslated strings: run `make messages` and translate"
