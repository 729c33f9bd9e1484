"""What every public page carries: a skip link, a compact menu that needs no
JavaScript, the EU's emblem and disclaimer; and the home page's first screen."""

import datetime
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from django.conf import settings
from django.utils import timezone

from home.factories import EventPageFactory, NewsPageFactory

DISCLAIMER = {
    "ka": "ეს ვებგვერდი შექმნილია ევროკავშირის ფინანსური მხარდაჭერით.",
    "en": (
        "This website was created with the financial support of the European "
        "Union. Its contents are the sole responsibility of Media Center Kakheti "
        "and do not necessarily reflect the views of the European Union."
    ),
}


@pytest.mark.parametrize(("prefix", "language"), [("", "ka"), ("/en", "en")])
def test_every_page_has_skip_link_menu_and_eu_footer(
    client, home_pages, prefix, language
):
    for path in ("/", "/organizations/", "/initiatives/", "/no-such-page/"):
        html = client.get(prefix + path).content.decode()
        assert '<a class="skip-link" href="#main">' in html, path
        assert '<main id="main"' in html
        assert '<details class="menu" data-menu>' in html  # opens without JS
        assert '<summary class="menu__toggle">' in html
        assert 'src="/static/img/eu-emblem.svg"' in html
        assert DISCLAIMER[language] in html, path
    assert "Funded by the European Union" in client.get("/en/").content.decode()
    assert "დაფინანსებულია ევროკავშირის მიერ" in client.get("/").content.decode()


def test_the_eu_emblem_is_twelve_gold_stars_in_a_circle_on_blue():
    path = Path(settings.STATICFILES_DIRS[0]) / "img" / "eu-emblem.svg"
    svg = ET.parse(path).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert svg.find("svg:rect", ns).get("fill") == "#039"
    stars = svg.find("svg:g", ns)
    assert stars.get("fill") == "#fc0"
    polygons = stars.findall("svg:polygon", ns)
    assert len(polygons) == 12
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    centres = []
    for polygon in polygons:
        points = [
            tuple(map(float, p.split(","))) for p in polygon.get("points").split()
        ]
        assert len(points) == 10  # five-pointed
        centres.append((sum(x for x, _ in points) / 10, sum(y for _, y in points) / 10))
    radii = [((x - width / 2) ** 2 + (y - height / 2) ** 2) ** 0.5 for x, y in centres]
    assert max(radii) - min(radii) < 1  # on one circle
    assert abs(radii[0] - height / 3) < 1  # of a third of the height


def test_home_page_says_what_the_hub_is_and_offers_three_actions(client, indexes):
    html = client.get("/en/").content.decode()
    first_screen = html[html.index('<main id="main"') : html.index("events-title")]
    assert "The meeting place of Kakheti's civil society" in first_screen
    for action, link in (
        ("Find an organization", 'href="/en/organizations/"'),
        ("Submit an initiative", 'href="/en/initiatives/submit/"'),
        ("Come to an event", 'href="/en/events/"'),
    ):
        assert f"<h2>{action}</h2>" in first_screen
        assert link in first_screen
    assert first_screen.count('class="button"') == 3


@pytest.mark.parametrize(
    ("prefix", "expected_date", "expected_time"),
    [
        ("", "27 ნოემბერი 2026", "27 ნოემბერი 2026, 18:00"),
        ("/en", "27 November 2026", "27 November 2026, 18:00"),
    ],
)
def test_one_date_style_per_language(
    client, indexes, prefix, expected_date, expected_time
):
    from home.factories import add_translation

    news = NewsPageFactory(
        parent=indexes["news"]["ka"], slug="dated", date=datetime.date(2026, 11, 27)
    )
    add_translation(news, title="Dated")
    start = timezone.make_aware(datetime.datetime(2026, 11, 27, 18, 0))
    event = EventPageFactory(
        parent=indexes["events"]["ka"],
        slug="evening",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    add_translation(event, title="Evening")
    page = client.get(f"{prefix}/news/dated/").content.decode()
    assert f'<time datetime="2026-11-27">{expected_date}</time>' in page
    listing = client.get(f"{prefix}/news/").content.decode()
    assert f'<time datetime="2026-11-27">{expected_date}</time>' in listing
    page = client.get(f"{prefix}/events/evening/").content.decode()
    assert f'<time datetime="2026-11-27T18:00+04:00">{expected_time}</time>' in page
    assert '<time datetime="2026-11-27T20:00+04:00">20:00</time>' in page


def test_listing_headings_do_not_skip_a_level(client, indexes):
    NewsPageFactory(parent=indexes["news"]["ka"], slug="one")
    for path in ("/news/", "/organizations/", "/initiatives/"):
        html = client.get(path).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
        assert levels[0] == 1, path
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (path, levels)
