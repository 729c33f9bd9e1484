"""The whole demo (`load_demo_data`): its pages in Georgian and English, the
impact page's figures from it, and the site search's relevance over it.

Loading it is slow, so it is loaded once for this module
(tests/module_data.py), indexed for search as it is saved; each test reads
it in its own savepoint.
"""

import io

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from home.models import EventPage, NewsPage, OutreachTopicPage
from impact.demo import EVENT_COUNT, SLUG_PREFIX
from taxonomy.models import Municipality
from tests.impact.conftest import IMPACT_URL_EN, figures_of
from tests.indexing import auto_updated_backends, rebuild_index
from tests.module_data import built_once_per_module
from tests.search.relevance import evaluate
from tests.search.test_relevance import MRR_FLOOR, RECALL_FLOOR

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """The demo's files (images, documents), for the module's lifetime."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Where the module's demo put its files (tests/conftest.py would give
    each test an empty folder, without the demo's images)."""
    settings.MEDIA_ROOT = demo_media / "media"
    settings.CONSULTATIONS_DOCUMENTS_ROOT = demo_media / "private-media"
    settings.PRIVATE_MEDIA_ROOT = demo_media / "private"


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker, demo_media):
    """What the first `load_demo_data` printed; the demo stays loaded for the
    module and is rolled back after it."""

    def load():
        output = io.StringIO()
        with override_settings(
            MEDIA_ROOT=demo_media / "media",
            CONSULTATIONS_DOCUMENTS_ROOT=demo_media / "private-media",
            PRIVATE_MEDIA_ROOT=demo_media / "private",
            WAGTAILSEARCH_BACKENDS=auto_updated_backends(),
        ):
            rebuild_index()  # what the migrations made (the `search_index` fixture)
            call_command("load_demo_data", stdout=output)
        return output.getvalue()

    yield from built_once_per_module(django_db_blocker, load)


# The home app's pages: one test checks them all.
PAGES = [
    ("/", ["კახეთის რეგიონული ჰაბი", "5,000+", "~600", "სიახლეები"]),
    ("/en/", ["Kakheti Regional Hub", "5,000+", "~600", "Latest news"]),
    ("/about/", ["ჩვენს შესახებ", "კონრად ადენაუერის"]),
    ("/en/about/", ["About us", "Konrad Adenauer"]),
    ("/contact/", ["mediacentrikakheti@gmail.com", "+995 555 52 02 34"]),
    ("/en/contact/", ["Telavi, Kakheti region"]),
    ("/news/", ["პირველი რეგიონული მოხალისეობრივი ფორუმი"]),
    ("/en/news/", ["first regional volunteering forum"]),
    ("/events/", ["საინფორმაციო შეხვედრა"]),
    ("/en/events/?when=past", ["First regional volunteering forum"]),
    ("/eu-association-agreement/", ["ხშირად დასმული კითხვები", "<details"]),
    ("/en/dcfta/", ["Frequently asked questions", "Documents", "The DCFTA"]),
]


def test_demo_builds_and_renders_in_both_languages(client, capsys, demo_output):
    assert "Demo content loaded" in demo_output
    for url, texts in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for text in texts:
            assert text in html, (url, text)

    news = NewsPage.objects.filter(locale__language_code="ka")
    events = EventPage.objects.filter(locale__language_code="ka")
    assert news.count() >= 10
    assert events.count() >= 12
    assert NewsPage.objects.filter(locale__language_code="en").count() == news.count()
    assert set(events.values_list("municipality", flat=True)) == set(
        Municipality.objects.values_list("pk", flat=True)
    )
    assert {"forum", "information_meeting", "network_meeting"} <= set(
        events.values_list("event_type", flat=True)
    )
    assert events.filter(participants_count__isnull=False).exists()
    assert sorted(OutreachTopicPage.objects.values_list("topic__slug", flat=True)) == [
        "dcfta",
        "dcfta",
        "eu-association",
        "eu-association",
    ]

    html = client.get("/en/").content.decode()
    for label in ("About us", "Contact", "News", "Events", "Organizations"):
        assert f">{label}</a>" in html
    assert client.get("/en/feeds/news.xml").status_code == 200
    assert client.get("/feeds/events.ics").status_code == 200

    # Loading again builds nothing and prints the logins again.
    pages = NewsPage.objects.count()
    call_command("load_demo_data")
    again = capsys.readouterr().out
    assert "already loaded" in again
    assert "council1" in again
    assert NewsPage.objects.count() == pages


def test_the_demo_fills_the_impact_page(client, demo_output):
    """Past events with attendance reports across the municipalities and the
    years give the impact page real computed figures."""
    response = client.get(IMPACT_URL_EN)

    assert response.status_code == 200
    figures = figures_of(response)
    demo_events = EventPage.objects.filter(
        slug__startswith=SLUG_PREFIX, locale=Locale.get_default()
    )
    assert demo_events.count() == EVENT_COUNT
    held = EventPage.objects.live().filter(
        locale=Locale.get_default(), start__lte=timezone.now()
    )
    assert figures["participants"] == held.aggregate(s=Sum("participants_count"))["s"]
    assert figures["participants"] > 500
    assert figures["meetings"] >= 8
    assert figures["consultations_given"] > 0
    assert figures["organizations"] > 0
    years = {
        row[0]
        for row in next(
            table
            for _section, tables in response.context["sections"]
            for table, _chart in tables
            if table.key == "participants-by-year"
        ).rows
    }
    assert len(years) >= 2


def test_relevance_over_the_demo_content(demo_output):
    """The floors are in tests/search/test_relevance.py."""
    recall, mrr, scores = evaluate()
    misses = [(s.query, s.top[:3]) for s in scores if not s.reciprocal_rank]
    assert recall >= RECALL_FLOOR, misses
    assert mrr >= MRR_FLOOR, misses
