"""One Chromium per test session, and a demo site served once per module.

The public-site checks (reflow, axe, keyboard, page weight) read a realistic
site: the demo builders (each app's demo.py, through `load_demo_data`) fill the
test database once, a live server serves it, and the database is put back as it
was afterwards, so no other test sees the demo. They use their own server
instead of pytest-django's `live_server`, which would empty the database after
every test.

Admin journeys open pages with `open_page()` / `log_in(user)`: a Georgian
browser context whose requests are recorded (`Watched`), so a test can say
that nothing left the site and that the screen shows no English words and no
Mtavruli-capitalised labels.
"""

import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def chromium_path():
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    if not chromium_path():
        pytest.skip(
            f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls from the tests themselves are still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _demo_is_loaded():
    from directory.models import Organization
    from initiatives.models import Initiative

    return (
        Organization.objects.filter(live=True).exists()
        and Initiative.objects.filter(live=True).exists()
    )


@pytest.fixture(scope="module")
def demo_media():
    # Not under pytest's basetemp: other pytest runs on the machine prune
    # old basetemp folders, and the demo's images must live as long as we do.
    path = Path(tempfile.mkdtemp(prefix="kakheti-demo-media-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """The demo's images stay where the module's demo put them."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo_server(django_db_setup, django_db_blocker, browser, demo_media):
    """A live server over the demo content, for one module."""
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    from tests.indexing import auto_updated_backends

    # The demo is searched in the browser: keep the search index up to date.
    indexed = override_settings(WAGTAILSEARCH_BACKENDS=auto_updated_backends())
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=demo_media),
        indexed,
    ):
        name = str(connection.settings_dict["NAME"])
        if "test" not in name and "memory" not in name:
            raise RuntimeError(f"Refusing to load the demo into {name}.")
        baseline = connection.creation.serialize_db_to_string()
        # Transactional tests with serialized_rollback restore this state and,
        # finding it, send no post_migrate when they empty the database.
        # pytest-django was seen to leave it unset when this fixture is the
        # first to ask for the test database.
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = baseline
        call_command("load_demo_data", verbosity=0)
        server = LiveServer("127.0.0.1:0")
        try:
            yield server
        finally:
            server.stop()
            # As Django's TransactionTestCase does: keep the sequences (the
            # restored rows keep their ids) and send no post_migrate.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(baseline)


@pytest.fixture
def site(demo_server, django_db_blocker):
    # Mark the tests with @pytest.mark.django_db: without a marked test in the
    # session, pytest-django creates no test database at all.
    """The demo server's base URL; reloads the demo if a transactional test
    of another module emptied the database in between."""
    with django_db_blocker.unblock():
        if not _demo_is_loaded():
            call_command("load_demo_data", verbosity=0)
        yield demo_server.url


def sitemap_urls(base_url):
    """Every <loc> of /sitemap.xml, as paths on `base_url`."""
    with urlopen(f"{base_url}/sitemap.xml") as response:  # noqa: S310 (local)
        root = ET.fromstring(response.read())
    return [
        urlsplit(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)
    ]


def sample_evenly(items, limit):
    """At most `limit` items, spread evenly over the list (first and last kept)."""
    if len(items) <= limit:
        return list(items)
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


# Georgian pages, watched -------------------------------------------------

#: Latin words a Georgian screen may show: brands, acronyms, file formats.
BRANDS = {"Wagtail", "Kakheti", "Hub", "DCFTA", "EU", "PDF", "pdf", "png", "CSV"}
BRANDS |= {"XLSX", "JPEG", "PNG", "GIF", "WebP"}
MTAVRULI = re.compile("[\u1c90-\u1cbf]")


class Watched:
    """A Georgian page whose requests are recorded."""

    def __init__(self, browser, live_server):
        self.origin = urlsplit(live_server.url).netloc
        self.live_server = live_server
        self.context = browser.new_context(locale="ka-GE")
        self.page = self.context.new_page()
        self.requests = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def goto(self, path):
        return self.page.goto(self.live_server.url + path)

    def external_requests(self):
        """Requests to any host but the site's own (data: and blob: aside)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != self.origin
        ]

    def english_words(self):
        """Latin words on the screen, less brands and people's own names."""
        people = {
            word
            for user in get_user_model().objects.all()
            for word in re.findall(
                r"\w+", f"{user.get_full_name()} {user.get_username()} {user.email}"
            )
        }
        text = self.page.inner_text("body")
        text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
        return sorted(set(re.findall(r"[A-Za-z]{2,}", text)) - BRANDS - people)

    def mtavruli(self):
        return [
            line
            for line in self.page.inner_text("body").splitlines()
            if MTAVRULI.search(line)
        ]

    def assert_georgian(self, where):
        assert self.english_words() == [], where
        assert self.mtavruli() == [], where


@pytest.fixture
def open_page(browser, live_server):
    """open_page() -> a new Georgian, watched page (its own cookies)."""
    pages = []

    def open_page():
        watched = Watched(browser, live_server)
        pages.append(watched)
        return watched

    yield open_page
    for watched in pages:
        assert watched.external_requests() == [], "a page called another host"
        watched.context.close()


@pytest.fixture
def log_in(open_page, password):
    def log_in(user):
        watched = open_page()
        watched.goto("/admin/login/")
        watched.page.fill("#id_username", user.username)
        watched.page.fill("#id_password", password)
        watched.page.locator("form button[type=submit]").click()
        watched.page.wait_for_url(re.compile(r"/admin/$"))
        return watched

    return log_in


def content_showing(page, text, timeout=10_000):
    """The page's HTML once it shows `text`, or as it is after `timeout` ms.

    Right after a click, the navigation it starts may still be under way and
    `page.content()` empty: this waits for the text instead (the test's own
    assertion then says what is missing)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.get_by_text(text).first.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        pass
    return page.content()
