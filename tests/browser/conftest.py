"""Shared fixtures of the browser tests: Debian's Chromium through Playwright.

Skipped, saying why, when Chromium is missing (`.ci/run` installs it).
"""

import os
import re
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# A Mtavruli capital followed by ordinary Mkhedruli letters: Django's capfirst
# would write "Ინიციატივები"; Georgian has no capital first letter.
MTAVRULI_FIRST = re.compile("[\u1c90-\u1cbf][\u10d0-\u10ff]")
LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]{2,}\b")


@pytest.fixture
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(
            f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls from the test itself are still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM
            if os.path.exists(CHROMIUM)
            else shutil.which("chromium"),
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


class AdminSession:
    """A staff member's browser tab, recording every host it asks."""

    def __init__(self, browser, live_server):
        self.base = live_server.url
        self.context = browser.new_context(locale="ka-GE")
        self.page = self.context.new_page()
        self.hosts = set()
        self.page.on("request", self._record)

    def _record(self, request):
        host = re.sub(r"^[a-z]+://([^/]+).*$", r"\1", request.url)
        if not request.url.startswith(("data:", "blob:")):
            self.hosts.add(host)

    def log_in(self, username, password):
        self.page.goto(f"{self.base}/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.locator("form button[type=submit]").click()
        self.page.wait_for_url(re.compile(r"/admin/$"))
        return self.page

    def external_hosts(self):
        own = re.sub(r"^[a-z]+://", "", self.base)
        return sorted(self.hosts - {own})

    def screen_problems(self, allowed_latin=()):
        """English words and Mtavruli-capitalised labels on the visible screen."""
        text = self.page.locator("body").inner_text()
        # Brand names: the CMS and the hub (its Site record's name).
        # DCFTA is written in Latin letters in Georgian texts too.
        allowed = {"Wagtail", "Kakheti", "Hub", "DCFTA", *allowed_latin}
        english = sorted(set(LATIN_WORD.findall(text)) - allowed)
        mtavruli = sorted(
            {text[m.start() : m.start() + 12] for m in MTAVRULI_FIRST.finditer(text)}
        )
        return {"english": english, "mtavruli": mtavruli}


@pytest.fixture
def admin_session(browser, live_server):
    session = AdminSession(browser, live_server)
    yield session
    session.context.close()
