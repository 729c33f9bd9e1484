"""Draw the fallback link-preview images (1200×630 PNG), one per page type and
language, into site/static/img/share/. Run after changing their words or look;
the PNGs are committed, so deploying needs no browser.

    python manage.py make_share_images

Drawn as HTML with the site's own self-hosted font and the schematic map of the
eight municipalities, photographed by headless Chromium (Playwright).
"""

import base64
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from directory.templatetags.directory_tags import SHAPES
from home.templatetags.sharing import SHARE_IMAGE_KINDS, SHARE_IMAGE_SIZE

CHROMIUM = "/usr/bin/chromium"


def words(kind):
    """(kicker, headline) of each kind, in the active language."""
    return {
        "site": (
            _("Kakheti Regional Hub"),
            _("Civil society of Kakheti's eight municipalities"),
        ),
        "event": (_("Event"), _("Meetings, trainings and forums across Kakheti")),
        "news": (_("News"), _("News of Kakheti's civil society")),
        "organization": (
            _("Directory of organizations"),
            _("The civil-society organizations of Kakheti"),
        ),
        "initiative": (
            _("Citizens' initiatives"),
            _("Proposals of Kakheti's citizens to their municipalities"),
        ),
    }[kind]


def _base64(path):
    return base64.b64encode(path.read_bytes()).decode("ascii")


def page_html(kind, fonts):
    kicker, headline = words(kind)
    brand, foot = _("Kakheti Hub"), _("Media Center Kakheti · since 2017")
    polygons = "".join(
        f'<polygon points="{points}"/>' for points, _label in SHAPES.values()
    )
    faces = "".join(
        f"""@font-face {{ font-family: "Noto Sans Georgian"; font-weight: {weight};
        src: url("data:font/woff2;base64,{_base64(fonts / name)}"); }}"""
        for weight, name in (
            (400, "noto-sans-georgian-georgian-400-normal.woff2"),
            (700, "noto-sans-georgian-georgian-700-normal.woff2"),
            (400, "noto-sans-georgian-latin-400-normal.woff2"),
            (700, "noto-sans-georgian-latin-700-normal.woff2"),
        )
    )
    width, height = SHARE_IMAGE_SIZE
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    {faces}
    html, body {{ margin: 0; width: {width}px; height: {height}px; }}
    body {{ font-family: "Noto Sans Georgian", sans-serif; background: #7b1e3a;
      color: #fff; position: relative; overflow: hidden; }}
    .map {{ position: absolute; right: -40px; top: 40px; width: 620px; }}
    .map polygon {{ fill: rgba(255,255,255,.10); stroke: rgba(255,255,255,.55);
      stroke-width: 3; }}
    .text {{ position: absolute; left: 72px; top: 72px; width: 640px; }}
    .brand {{ font-size: 30px; font-weight: 700; letter-spacing: .02em;
      color: #f2d6de; }}
    .kicker {{ display: inline-block; margin-top: 56px; font-size: 30px;
      font-weight: 700; background: #f2b705; color: #3a0d1b;
      padding: 6px 18px; border-radius: 8px; }}
    h1 {{ font-size: 60px; line-height: 1.18; margin: 28px 0 0; }}
    .foot {{ position: absolute; left: 72px; bottom: 56px; font-size: 24px;
      color: #f2d6de; }}
    .bar {{ position: absolute; left: 0; bottom: 0; width: 100%; height: 16px;
      background: #3f6b35; }}
    </style></head><body>
    <svg class="map" viewBox="0 0 600 430" aria-hidden="true">{polygons}</svg>
    <div class="text">
      <div class="brand">{escape(brand)}</div>
      <div class="kicker">{escape(kicker)}</div>
      <h1>{escape(headline)}</h1>
    </div>
    <div class="foot">{escape(foot)}</div>
    <div class="bar"></div>
    </body></html>"""


class Command(BaseCommand):
    help = "Draw the fallback link-preview images into site/static/img/share/."

    def handle(self, *args, **options):
        from playwright.sync_api import sync_playwright

        static = Path(settings.STATICFILES_DIRS[0])
        fonts, out = static / "fonts", static / "img" / "share"
        out.mkdir(parents=True, exist_ok=True)
        width, height = SHARE_IMAGE_SIZE
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": width, "height": height})
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    for kind in SHARE_IMAGE_KINDS:
                        page.set_content(page_html(kind, fonts))
                        page.evaluate("document.fonts.ready")
                        path = out / f"{kind}-{language}.png"
                        page.screenshot(path=str(path))
                        self.stdout.write(f"{path.relative_to(static)}")
            browser.close()
