"""Rebuild the Georgian catalogue of third-party admin strings.

    .venv/bin/python site/admin_locale/build.py           # update, report, compile
    .venv/bin/python site/admin_locale/build.py --check   # fail if anything is due

Wagtail, wagtail-localize, django-simple-history and django-taggit ship almost
no Georgian, so the admin was half English. This directory is a second
`LOCALE_PATHS` entry, after `site/locale`: the project's own catalogue keeps
precedence, and `make messages` (makemessages --no-obsolete) never sees these
msgids, because no project source file uses them.

What the script does, in order:

1. Collects the msgids (with contexts and plural forms) of every package in
   SOURCES from its English catalogue (`locale/en/LC_MESSAGES/<domain>.po`).
   A package that ships none (django-simple-history) is extracted from a
   temporary copy of its source with Django's makemessages (needs GNU
   gettext; without it the msgids already in our catalogue are kept).
   Django's own strings are taken only where Django's Georgian catalogue has
   no translation of them.
2. Merges them into `ka/LC_MESSAGES/<domain>.po`: existing translations are
   kept, msgids no package uses any more are dropped, new ones arrive empty
   (or with the package's own Georgian translation, flagged fuzzy, for a
   reviewer to accept or improve).
3. Reports, per package, how many msgids have a Georgian translation, and
   lists the ones that have none.
4. Compiles the `.mo` files with polib, so no gettext tool is needed to
   install the site.

After upgrading Wagtail: run it, translate what it lists (see GLOSSARY.md for
the terms), run it again, commit. It is a plain script rather than a
management command because it describes installed packages, not the site's
data, and runs without a database or the project's settings.
"""

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
LANGUAGE = "ka"
OUT_DIR = HERE / LANGUAGE / "LC_MESSAGES"

# (label, importable package, domain). The label is written as the entry's
# occurrence ("#: wagtail.admin"), so the catalogue says where a msgid is from.
SOURCES = [
    ("wagtail", "wagtail", "django"),
    ("wagtail.admin", "wagtail.admin", "django"),
    ("wagtail.admin", "wagtail.admin", "djangojs"),
    ("wagtail.snippets", "wagtail.snippets", "django"),
    ("wagtail.images", "wagtail.images", "django"),
    ("wagtail.documents", "wagtail.documents", "django"),
    ("wagtail.users", "wagtail.users", "django"),
    ("wagtail.sites", "wagtail.sites", "django"),
    ("wagtail.locales", "wagtail.locales", "django"),
    ("wagtail.contrib.settings", "wagtail.contrib.settings", "django"),
    ("wagtail.contrib.redirects", "wagtail.contrib.redirects", "django"),
    (
        "wagtail.contrib.search_promotions",
        "wagtail.contrib.search_promotions",
        "django",
    ),
    ("wagtail.contrib.forms", "wagtail.contrib.forms", "django"),
    ("wagtail.embeds", "wagtail.embeds", "django"),
    ("wagtail.search", "wagtail.search", "django"),
    ("wagtail_localize", "wagtail_localize", "django"),
    ("wagtail_localize", "wagtail_localize", "djangojs"),
    ("wagtail_localize.locales", "wagtail_localize.locales", "django"),
    ("simple_history", "simple_history", "django"),
    ("taggit", "taggit", "django"),
    # Wagtail's admin shows times with humanize's naturaltime ("a second ago")
    # but humanize is not an installed app, so its own catalogue never loads:
    # all of its msgids are here.
    ("django.contrib.humanize", "django.contrib.humanize", "django"),
    # Django: only what its own Georgian catalogue leaves untranslated.
    ("django", "django", "django"),
    ("django.contrib.auth", "django.contrib.auth", "django"),
]
DJANGO_GAPS_ONLY = {"django", "django.contrib.auth"}
# Django's catalogue lives in django/conf/locale, not django/locale.
LOCALE_DIR_OF = {"django": ("django", "conf", "locale")}

HEADER = {
    "Project-Id-Version": "Kakheti Hub admin (third-party strings)",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    # As Django's own Georgian catalogue: one form for 1, another for the rest.
    "Plural-Forms": "nplurals=2; plural=(n!=1);",
}


def package_dir(package):
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def locale_dir(package):
    if package in LOCALE_DIR_OF:
        root = package_dir(LOCALE_DIR_OF[package][0])
        return root.joinpath(*LOCALE_DIR_OF[package][1:])
    return package_dir(package) / "locale"


def key(entry):
    return (entry.msgctxt, entry.msgid)


def extract(package, domain):
    """msgids of a package without an English catalogue, via makemessages."""
    if shutil.which("xgettext") is None:
        return None
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)
        import django

        django.setup()
    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / package
        shutil.copytree(
            package_dir(package),
            copy,
            ignore=shutil.ignore_patterns("locale", "tests", "__pycache__"),
        )
        (copy / "locale").mkdir()
        cwd = os.getcwd()
        os.chdir(copy)
        try:
            call_command("makemessages", locale=["en"], domain=domain, verbosity=0)
        finally:
            os.chdir(cwd)
        po_path = copy / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        return polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()


def upstream_entries(label, package, domain):
    """The package's msgids, and its own Georgian translations of them."""
    base = locale_dir(package)
    english = base / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.exists():
        source = polib.pofile(str(english))
    else:
        source = extract(package, domain)
        if source is None:
            print(f"  ! {label}: no English catalogue and no xgettext; kept as is")
            return None, {}
    georgian = {}
    ka_po = base / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
    if ka_po.exists():
        for entry in polib.pofile(str(ka_po)).translated_entries():
            georgian[key(entry)] = entry
    entries = [e for e in source if not e.obsolete and e.msgid]
    if label in DJANGO_GAPS_ONLY:
        entries = [e for e in entries if key(e) not in georgian]
    return entries, georgian


def build(domain, check):
    path = OUT_DIR / f"{domain}.po"
    current = polib.pofile(str(path)) if path.exists() else polib.POFile()
    existing = {key(e): e for e in current if not e.obsolete}

    wanted = {}  # key -> new entry
    packages = defaultdict(set)  # key -> labels
    for label, package, source_domain in SOURCES:
        if source_domain != domain:
            continue
        entries, georgian = upstream_entries(label, package, domain)
        if entries is None:  # could not extract: keep what we have for it
            entries = [e for e in current if (label, "") in e.occurrences]
        for source in entries:
            k = key(source)
            packages[k].add(label)
            if k in wanted:
                continue
            entry = polib.POEntry(
                msgctxt=source.msgctxt,
                msgid=source.msgid,
                msgid_plural=source.msgid_plural,
                flags=[f for f in source.flags if f.endswith("-format")],
            )
            old = existing.get(k)
            if old is not None and (old.msgstr or any(old.msgstr_plural.values())):
                entry.msgstr = old.msgstr
                entry.msgstr_plural = dict(old.msgstr_plural)
                entry.tcomment = old.tcomment
                if "fuzzy" in old.flags:
                    entry.flags.append("fuzzy")
            elif k in georgian:
                # The package's own translation: a starting point to review.
                entry.msgstr = georgian[k].msgstr
                entry.msgstr_plural = dict(georgian[k].msgstr_plural)
                entry.flags.append("fuzzy")
            elif source.msgid_plural:
                entry.msgstr_plural = {0: "", 1: ""}
            wanted[k] = entry

    po = polib.POFile(wrapwidth=79)
    po.metadata = dict(HEADER)
    po.header = (
        "Georgian translations of third-party admin strings (Wagtail, "
        "wagtail-localize,\ndjango-simple-history, django-taggit, Django). "
        "Generated by build.py: edit\nthe msgstrs only; see GLOSSARY.md."
    )
    for k in sorted(wanted, key=lambda k: (min(packages[k]), k[1], k[0] or "")):
        entry = wanted[k]
        entry.occurrences = [(label, "") for label in sorted(packages[k])]
        po.append(entry)

    dropped = len(set(existing) - set(wanted))
    new_text = str(po)
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    changed = new_text != old_text
    if not check:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(new_text, encoding="utf-8")
    stale_mo = write_mo(po, path.with_suffix(".mo"), check)
    return po, packages, dropped, changed, stale_mo


def write_mo(po, mo_path, check):
    """Compile with polib; returns True if the .mo was (or would be) stale."""
    expected = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in po.translated_entries()
    }
    stale = True
    if mo_path.exists():
        compiled = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
            for e in polib.mofile(str(mo_path))
            if e.msgid
        }
        stale = compiled != expected
    if stale and not check:
        po.save_as_mofile(str(mo_path))
    return stale


def is_translated(entry):
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def report(domain, po, packages):
    totals = defaultdict(lambda: [0, 0])
    missing = []
    for entry in po:
        ok = is_translated(entry)
        for label in packages[key(entry)]:
            totals[label][1] += 1
            totals[label][0] += ok
        if not ok:
            missing.append(entry)
    print(f"{domain}.po: {len(po)} msgids")
    for label, (done, total) in sorted(totals.items()):
        print(f"  {label:36} {done:5} / {total:<5}")
    for entry in missing:
        where = ", ".join(sorted(packages[key(entry)]))
        ctx = f" [{entry.msgctxt}]" if entry.msgctxt else ""
        fuzzy = " (fuzzy)" if "fuzzy" in entry.flags else ""
        print(f"  missing{fuzzy}{ctx} {entry.msgid!r}  ({where})")
    return missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a msgid is missing or a file is out of date",
    )
    args = parser.parse_args(argv)
    problems = 0
    for domain in ("django", "djangojs"):
        po, packages, dropped, changed, stale_mo = build(domain, args.check)
        problems += len(report(domain, po, packages))
        if dropped:
            print(f"  {dropped} msgid(s) no package uses any more were dropped")
        if args.check and (changed or stale_mo):
            print(f"  {domain}.po/.mo is out of date: run build.py")
            problems += 1
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
