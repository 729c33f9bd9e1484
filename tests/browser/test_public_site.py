"""The public site as people on phones and with assistive technology meet it.

Over the demo content (tests/browser/conftest.py), in one Chromium:
- reflow: every URL of the sitemap (sampled evenly above 150) at 320 and 390 px
  is no wider than the screen, naming what overflows (WCAG 2.2, 1.4.10);
- axe-core (axe-playwright-python bundles it: no network): no violation of the
  WCAG 2.2 A/AA rules on every public page type, both languages, desktop and
  phone;
- keyboard: the menu, the language switcher, the filters and every field of
  the public forms can be reached with Tab and show where the focus is;
- weight: the home page on a phone, with an empty cache, is under 100 KB of
  HTML, CSS, fonts and scripts, all from the site itself.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import sample_evenly, sitemap_urls

# django_db: the session must have a test database (the demo is loaded into
# it once per module by `demo_server`, outside the tests' transactions).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_WIDTHS = (320, 390)
DESKTOP = {"width": 1280, "height": 900}
MAX_REFLOW_URLS = 150
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
HOME_PAGE_BUDGET = 100_000  # bytes, HTML + CSS + fonts + scripts

# The elements wider than the screen, deepest first, as short selectors.
OVERFLOWING = """(width) => {
  const describe = (el) => el.tagName.toLowerCase()
    + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const wide = [...document.body.querySelectorAll('*')].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 1 || box.left < -1);
  });
  const deepest = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
  return deepest.slice(0, 5).map((el) => {
    const path = [];
    for (let n = el; n && n !== document.body && path.length < 4; n = n.parentElement) {
      path.unshift(describe(n));
    }
    const right = Math.round(el.getBoundingClientRect().right);
    return path.join(' > ') + ' (right edge ' + right + 'px)';
  });
}"""


def phone(browser, width, **kwargs):
    return browser.new_context(
        viewport={"width": width, "height": 800},
        is_mobile=True,
        has_touch=True,
        **kwargs,
    )


def page_types(base_url):
    """One URL of each public page type (both languages are added later)."""
    from directory.models import Organization
    from home.models import EventPage, NewsPage, OutreachTopicPage, StandardPage
    from initiatives.models import Initiative

    def page_path(model):
        page = model.objects.live().filter(locale__language_code="ka").first()
        return urlsplit(page.get_url()).path

    organization = Organization.objects.filter(
        live=True, locale__language_code="ka"
    ).first()
    initiative = Initiative.objects.filter(live=True).first()
    refused = Initiative.objects.filter(stage=Initiative.Stage.REJECTED).first()
    returned = Initiative.objects.filter(stage=Initiative.Stage.NEEDS_CHANGES).first()
    return {
        "home": "/",
        "standard": page_path(StandardPage),
        "outreach": page_path(OutreachTopicPage),
        "news index": "/news/",
        "news": page_path(NewsPage),
        "events index": "/events/",
        "event": page_path(EventPage),
        "directory": "/organizations/",
        "organization": f"/organizations/{organization.slug}/",
        "open data": "/organizations/data/",
        "proposal form": "/organizations/propose/",
        "initiatives": "/initiatives/",
        "initiative": f"/initiatives/{initiative.pk}/",
        "initiative form": "/initiatives/submit/",
        "tracking, refused": f"/initiatives/track/{refused.tracking_token}/",
        "tracking, amendment form": f"/initiatives/track/{returned.tracking_token}/",
        "search": "/search/?q=%E1%83%97%E1%83%94%E1%83%9A%E1%83%90%E1%83%95%E1%83%98",
        "not found": "/no-such-page/",
    }


def both_languages(paths):
    for name, path in paths.items():
        yield name, "ka", path
        yield name, "en", "/en" + path


def test_no_public_page_is_wider_than_a_phone(browser, site):
    # The sitemap, plus the public pages it does not list.
    extra = [path for _name, _language, path in both_languages(page_types(site))]
    paths = sample_evenly(sitemap_urls(site), MAX_REFLOW_URLS)
    paths += [path for path in extra if path not in paths]
    assert any(path.startswith("/organizations/") for path in paths)
    problems = []
    widest, *narrower = sorted(PHONE_WIDTHS, reverse=True)
    context = phone(browser, widest)
    page = context.new_page()
    for path in paths:
        # Loaded once at the widest phone width, then narrowed: the layout
        # (media queries included) is recomputed for each width.
        page.set_viewport_size({"width": widest, "height": 800})
        page.goto(site + path, wait_until="load")
        for width in (widest, *narrower):
            page.set_viewport_size({"width": width, "height": 800})
            # With is_mobile, Chromium zooms out to fit wide content, so
            # innerWidth grows with it: compare with the width we set.
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                culprits = page.evaluate(OVERFLOWING, width)
                problems.append(f"{path} at {width}px is {scroll_width}px: {culprits}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("layout", ["desktop", "phone"])
def test_every_page_type_passes_axe(browser, site, layout):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    if layout == "phone":
        context = phone(browser, 390)
    else:
        context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    found = []
    for name, language, path in both_languages(page_types(site)):
        page.goto(site + path, wait_until="load")
        results = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}},
        )
        for violation in results.response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]]
            found.append(
                f"{name} ({language}, {layout}) {path}: {violation['id']} "
                f"[{violation['impact']}] {violation['help']} -> {targets[:3]}"
            )
    context.close()
    assert not found, "\n".join(found)


FOCUS_VISIBLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    id: el.id, tag: el.tagName.toLowerCase(), text: (el.innerText || '').trim(),
    type: el.getAttribute('type'),
    name: el.getAttribute('name'), href: el.getAttribute('href'),
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none',
  };
}"""


def tab_through(page, presses):
    """What receives focus on each Tab, with whether the focus is visible."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_VISIBLE))
    return seen


def test_keyboard_reaches_menu_language_and_search_on_a_phone(browser, site):
    context = phone(browser, 390)
    page = context.new_page()
    page.goto(site + "/")
    first = tab_through(page, 1)[0]
    assert first["href"] == "#main" and first["visible"]  # the skip link
    seen = tab_through(page, 3)
    assert any(item["href"] == "/en/" for item in seen)  # language switcher
    menu = next(item for item in seen if item["tag"] == "summary")
    assert menu["visible"]
    assert not page.is_visible(".main-nav")
    page.keyboard.press("Enter")  # opens the menu
    assert page.is_visible(".main-nav")
    after = tab_through(page, 12)
    assert any(item["id"] == "header-search" for item in after)
    assert any(item["href"] == "/organizations/" for item in after)
    assert all(item["visible"] for item in after)
    page.keyboard.press("Escape")
    assert not page.is_visible(".main-nav")
    context.close()


def test_menu_works_without_javascript(browser, site):
    context = phone(browser, 390, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/")
    assert not page.is_visible(".main-nav")
    page.click("summary.menu__toggle")
    assert page.is_visible(".main-nav a[href='/organizations/']")
    context.close()


def test_desktop_menu_is_one_line(browser, site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for path in ("/", "/en/"):
        page.goto(site + path)
        tops = page.eval_on_selector_all(
            ".main-nav li", "items => items.map(li => li.getBoundingClientRect().top)"
        )
        assert len(tops) >= 4 and len(set(tops)) == 1, (path, tops)
        assert not page.is_visible("summary.menu__toggle")
    context.close()


@pytest.mark.parametrize(
    "path",
    ["/organizations/", "/initiatives/", "/news/", "/events/"],
)
def test_keyboard_reaches_every_filter(browser, site, path):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site + path)
    fields = page.eval_on_selector_all(
        "form.filters select, form.filters input:not([type=hidden])",
        "els => els.map(el => el.id)",
    )
    assert fields
    seen = tab_through(page, 40)
    reached = {item["id"] for item in seen if item["visible"]}
    assert set(fields) <= reached, set(fields) - reached
    context.close()


@pytest.mark.parametrize("path", ["/initiatives/submit/", "/organizations/propose/"])
def test_keyboard_reaches_every_form_field(browser, site, path):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site + path)
    # Tab stops: each control, but one per group of radio buttons (the arrow
    # keys move within a group, as in every browser).
    stops = page.eval_on_selector_all(
        "main form[method=post] :is(input, select, textarea, button)"
        ":not([type=hidden]):not([tabindex='-1'])",
        """els => [...new Set(els.map(el => el.type === 'radio'
            ? 'radio:' + el.name
            : el.id || el.name || 'button:' + el.innerText.trim()))]""",
    )
    seen = tab_through(page, len(stops) + 60)
    reached = {
        "radio:" + item["name"]
        if item["type"] == "radio"
        else item["id"] or item["name"] or "button:" + item["text"]
        for item in seen
    }
    assert set(stops) <= reached, set(stops) - reached
    assert all(item["visible"] for item in seen if item["id"] in stops)
    context.close()


def test_errors_are_summarised_linked_and_focused(browser, site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site + "/initiatives/submit/")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    assert page.title().startswith("შეცდომა:")
    focused = page.evaluate("document.activeElement.className")
    assert "error-summary" in focused
    page.click(".error-summary a[href='#id_title']")
    assert page.evaluate("document.activeElement.id") == "id_title"
    context.close()


def test_home_page_on_a_phone_is_light(browser, site):
    context = phone(browser, 390)  # a new context: an empty cache
    page = context.new_page()
    transferred = {}
    hosts = set()

    def count(response):
        request = response.request
        hosts.add(urlsplit(request.url).netloc)
        if request.resource_type in ("document", "stylesheet", "font", "script"):
            transferred[request.url] = len(response.body())

    page.on("response", count)
    page.goto(site + "/", wait_until="networkidle")
    context.close()
    total = sum(transferred.values())
    print(f"home page on a phone: {total} bytes in {len(transferred)} files")
    assert hosts == {urlsplit(site).netloc}
    assert any(url.endswith(".woff2") for url in transferred)
    assert total < HOME_PAGE_BUDGET, transferred
