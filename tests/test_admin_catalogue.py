"""The admin speaks Georgian: third-party msgids are translated (site/admin_locale).

The catalogue is checked against the msgids of the installed packages, so an
upgrade that brings new strings fails here until build.py is run and the new
msgids are translated; the rendered pages are checked for Wagtail's English.
"""

import importlib.util
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from directory.factories import OrganizationFactory

ADMIN_LOCALE = Path(settings.BASE_DIR) / "site" / "admin_locale"
CATALOGUES = ADMIN_LOCALE / "ka" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdifr]|%[sdifr]|\{[A-Za-z_0-9]*\}")


def load_build():
    spec = importlib.util.spec_from_file_location(
        "admin_locale_build", ADMIN_LOCALE / "build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load_build()


def package_msgids(domain):
    """{(msgctxt, msgid): source entry} of every covered package."""
    found = {}
    for label, package, source_domain in build.SOURCES:
        if source_domain != domain:
            continue
        entries, _ = build.upstream_entries(label, package, domain)
        assert entries is not None or label == "simple_history", label
        for entry in entries or []:
            found.setdefault(build.key(entry), entry)
    return found


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_package_msgid_has_a_georgian_translation(domain):
    po = polib.pofile(str(CATALOGUES / f"{domain}.po"))
    ours = {build.key(e): e for e in po}
    wanted = package_msgids(domain)
    assert len(wanted) > (1000 if domain == "django" else 100)
    missing = [k for k in wanted if k not in ours or not build.is_translated(ours[k])]
    assert missing == [], "run site/admin_locale/build.py and translate these"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_translations_keep_placeholders_and_use_no_mtavruli(domain):
    po = polib.pofile(str(CATALOGUES / f"{domain}.po"))
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n!=1);"
    wrong = []
    for entry in po:
        if entry.msgid_plural:
            pairs = [
                (entry.msgid, entry.msgstr_plural[0]),
                (entry.msgid_plural, entry.msgstr_plural[1]),
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translation in pairs:
            if Counter(PLACEHOLDER.findall(source)) != Counter(
                PLACEHOLDER.findall(translation)
            ):
                wrong.append((source, translation))
            if re.search("[\u1c90-\u1cbf]", translation):
                wrong.append((source, translation))
    assert wrong == []


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogue_is_up_to_date(domain):
    po = polib.pofile(str(CATALOGUES / f"{domain}.po"))
    mo = polib.mofile(str(CATALOGUES / f"{domain}.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    expected = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in po.translated_entries()
    }
    compiled.pop((None, ""), None)  # the header
    assert compiled == expected, "run site/admin_locale/build.py"


def test_admin_catalogue_comes_after_the_projects_own():
    assert [Path(p) for p in settings.LOCALE_PATHS] == [
        Path(settings.BASE_DIR) / "site" / "locale",
        ADMIN_LOCALE,
    ]


# Words of Wagtail's English admin that must not survive in the Georgian one.
ENGLISH_UI_WORDS = [
    "Dashboard",
    "Pages",
    "Page",
    "Save draft",
    "Publish",
    "Unpublish",
    "Preview",
    "Search",
    "Settings",
    "Images",
    "Documents",
    "Snippets",
    "Reports",
    "Help",
    "Account",
    "Edit",
    "Delete",
    "Status",
    "Title",
    "Actions",
    "History",
    "Comments",
    "Collection",
    "Upload",
    "Add",
    "Sort",
    "Filter",
    "Live",
    "Draft",
    "Locked",
    "Workflow",
    "Users",
    "Groups",
    "Log out",
    "Translate",
]
ENGLISH = re.compile(r"\b(" + "|".join(map(re.escape, ENGLISH_UI_WORDS)) + r")\b")


class VisibleText(HTMLParser):
    """Text nodes a person sees, plus the sidebar menu Wagtail draws from JSON."""

    HIDDEN = {"script", "style", "template", "svg", "noscript"}

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.sidebar = None  # the sidebar's JSON while inside its <script>
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        if dict(attrs).get("id") == "wagtail-sidebar-props":
            self.sidebar = ""

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden -= 1
        if self.sidebar is not None:
            self.chunks.extend(labels(json.loads(self.sidebar)))
            self.sidebar = None

    def handle_data(self, data):
        if self.sidebar is not None:
            self.sidebar += data
        elif not self.hidden and data.strip():
            self.chunks.append(data.strip())


def labels(tree):
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key == "label" and isinstance(value, str):
                yield value
            else:
                yield from labels(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from labels(value)


def visible_text(response):
    parser = VisibleText()
    parser.feed(response.content.decode())
    return parser.chunks


ADMIN_PAGES = {
    "dashboard": "/admin/",
    "explorer": "/admin/pages/{home}/",
    "page editor": "/admin/pages/{home}/edit/",
    "new page": "/admin/pages/add/home/standardpage/{home}/",
    "snippet editor": "/admin/snippets/directory/organization/edit/{organization}/",
    "images": "/admin/images/",
}


@pytest.fixture
def admin_urls(home_pages):
    organization = OrganizationFactory()
    home = home_pages["ka"]
    return {
        name: url.format(home=home.pk, organization=organization.pk)
        for name, url in ADMIN_PAGES.items()
    }


def english_words(response):
    assert response.status_code == 200
    return sorted(
        {m.group() for t in visible_text(response) for m in ENGLISH.finditer(t)}
    )


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_georgian_admin_pages_show_no_english_ui_words(admin_client, admin_urls, name):
    # A new account's profile language is empty: Wagtail then follows the
    # request's language, which is LANGUAGE_CODE "ka" without Accept-Language.
    response = admin_client.get(admin_urls[name])
    assert 'lang="ka"' in response.content.decode()
    assert english_words(response) == []


def test_profile_language_georgian_wins_over_an_english_browser(
    admin_client, admin_user, admin_urls
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ka"
    profile.save()
    response = admin_client.get(admin_urls["dashboard"], HTTP_ACCEPT_LANGUAGE="en")
    assert english_words(response) == []


def test_english_admin_still_shows_the_english_words(
    admin_client, admin_user, admin_urls
):
    """Positive control: the same check finds Wagtail's English where it is due."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    found = english_words(admin_client.get(admin_urls["dashboard"]))
    assert {"Dashboard", "Pages", "Images", "Reports", "Help"} <= set(found)
