"""Every change of public content shows on the next anonymous request.

Each test warms the cache (the page is a hit), changes the content through
the admin or the model's publish path, and requests again: the new content,
rendered anew. Saving one kind of content leaves the pages that do not read
it cached (the purge is per table, not the whole cache). Every test runs
twice: with the page cache, and with the content cache alone
(hub/content_cache.py), which follows the same rule.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from home.models import SiteContactSettings
from initiatives import factories as initiative_factories
from initiatives.models import AdvocacyStep
from taxonomy.models import Municipality, Topic
from tests.home.admin_forms import body, page_form
from tests.pagecache.conftest import fetch
from timebank.factories import ListingFactory
from timebank.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["page cache", "content cache"])
def _cache(request, settings):
    settings.PAGE_CACHE_ENABLED = request.param == "page cache"
    settings.CONTENT_CACHE_ENABLED = request.param == "content cache"


def warm(*urls):
    """Request each URL until it is served from the cache."""
    for url in urls:
        response, state = fetch(Client(), url)
        assert response.status_code == 200, url
        if state != "hit":
            assert fetch(Client(), url)[1] == "hit", url


def page_text(url):
    response, state = fetch(Client(), url)
    return response.status_code, state, response.content.decode()


# --- Pages -----------------------------------------------------------------


@pytest.fixture
def news(home_pages):
    index = NewsIndexPageFactory(parent=home_pages["ka"])
    article = NewsPageFactory(parent=index, title="ძველი სათაური", slug="article")
    return index, article


def test_publishing_a_page_in_the_admin(home_pages, admin_client):
    about = StandardPageFactory(parent=home_pages["ka"], slug="about", title="ძველი")
    warm("/about/")
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[about.pk]),
        page_form("ახალი სათაური", "about", lead="ლიდი.", body=body("ტექსტი.")),
    )
    assert response.status_code == 302
    status, state, html = page_text("/about/")
    assert (status, state) == (200, "miss")
    assert "ახალი სათაური" in html


def test_publishing_a_page_updates_its_listing(news):
    index, article = news
    warm("/news/", "/news/article/")
    article.title = "ახალი სათაური"
    article.save_revision().publish()
    assert "ახალი სათაური" in page_text("/news/article/")[2]
    assert "ახალი სათაური" in page_text("/news/")[2]


def test_publishing_a_new_page(news):
    index, article = news
    warm("/news/")
    NewsPageFactory(parent=index, title="სულ ახალი ამბავი", slug="fresh")
    assert "სულ ახალი ამბავი" in page_text("/news/")[2]


def test_publishing_news_on_the_topic_of_an_outreach_page(news, home_pages):
    from home.factories import (
        EventIndexPageFactory,
        EventPageFactory,
        OutreachTopicPageFactory,
    )

    index, article = news
    outreach = OutreachTopicPageFactory(parent=home_pages["ka"], slug="association")
    article.topics.add(outreach.topic)
    article.save_revision().publish()
    warm("/association/")
    assert "ძველი სათაური" in page_text("/association/")[2]
    NewsPageFactory(
        parent=index,
        title="ახალი ამბავი თემაზე",
        slug="on-topic",
        topics=[outreach.topic],
    )
    events = EventIndexPageFactory(parent=home_pages["ka"])
    EventPageFactory(parent=events, title="შეხვედრა თემაზე", topics=[outreach.topic])
    status, state, html = page_text("/association/")
    assert (status, state) == (200, "miss")
    assert "ახალი ამბავი თემაზე" in html
    assert "შეხვედრა თემაზე" in html  # the upcoming events


def test_unpublishing_a_page(news):
    index, article = news
    warm("/news/", "/news/article/")
    article.unpublish()
    assert page_text("/news/article/")[0] == 404
    assert "ძველი სათაური" not in page_text("/news/")[2]


def test_moving_a_page(news, home_pages):
    index, article = news
    other = StandardPageFactory(parent=home_pages["ka"], slug="other")
    warm("/news/", "/news/article/", "/other/")
    article.move(other, pos="last-child")
    status, state, html = page_text("/news/article/")
    assert (status, state) == (301, None)  # Wagtail's redirect to the new place
    assert page_text("/other/article/")[0] == 200
    assert "ძველი სათაური" not in page_text("/news/")[2]


def test_deleting_a_page(news):
    index, article = news
    warm("/news/", "/news/article/")
    article.delete()
    assert page_text("/news/article/")[0] == 404
    assert "ძველი სათაური" not in page_text("/news/")[2]


def test_making_a_page_private(news):
    """A view restriction changes no page row: the listings read the private
    sections from the page tree's cache, and are purged all the same."""
    index, article = news
    warm("/news/", "/news/article/")
    PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="secret"
    )
    status, state, html = page_text("/news/article/")
    assert "ძველი სათაური" not in html  # the password form instead
    assert "ძველი სათაური" not in page_text("/news/")[2]


# --- Snippets and other public models --------------------------------------


def test_publishing_an_organization(organization, news):
    warm("/organizations/", "/organizations/old-org/", "/news/article/")
    organization.name = "ახალი ორგანიზაცია"
    organization.save_revision().publish()
    assert "ახალი ორგანიზაცია" in page_text("/organizations/old-org/")[2]
    assert "ახალი ორგანიზაცია" in page_text("/organizations/")[2]
    # Exact: a news article that does not show organizations stays cached.
    assert page_text("/news/article/")[1] == "hit"


def test_renaming_a_topic(organization):
    warm("/organizations/old-org/")
    Topic.objects.filter(slug="youth").update(name_ka="ახალგაზრდობა-ახალი")
    assert "ახალგაზრდობა-ახალი" in page_text("/organizations/old-org/")[2]


def test_renaming_a_municipality(organization):
    warm("/organizations/old-org/")
    telavi = Municipality.objects.get(slug="telavi")
    telavi.name_ka = "თელავი-ახალი"
    telavi.save()
    assert "თელავი-ახალი" in page_text("/organizations/old-org/")[2]


def test_changing_site_settings(home_pages):
    warm("/", "/en/")
    contact = SiteContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "+995 555 12 34 56"
    contact.save()
    assert "+995 555 12 34 56" in page_text("/")[2]
    assert "+995 555 12 34 56" in page_text("/en/")[2]


@pytest.fixture
def initiative(home_pages):
    return initiative_factories.accepted(title="Solar lights for Napareuli")


def test_publishing_an_initiative(initiative):
    url = f"/en/initiatives/{initiative.pk}/"
    warm("/en/initiatives/", url)
    initiative.title = "Solar lights for Napareuli and Kisiskhevi"
    initiative.save_revision().publish()
    assert "Napareuli and Kisiskhevi" in page_text(url)[2]
    assert "Napareuli and Kisiskhevi" in page_text("/en/initiatives/")[2]


def test_a_new_initiative_is_listed(home_pages, council_members):
    warm("/en/initiatives/")
    initiative_factories.accepted(
        members=council_members, title="A footbridge over the Turdo"
    )
    assert "A footbridge over the Turdo" in page_text("/en/initiatives/")[2]


def test_recording_an_advocacy_step(initiative):
    url = f"/en/initiatives/{initiative.pk}/"
    warm(url)
    initiative_factories.add_step(
        initiative, AdvocacyStep.Kind.SENT, text="Letter 42 handed to the mayor."
    )
    assert "Letter 42 handed to the mayor." in page_text(url)[2]


@pytest.fixture
def listing(home_pages):
    return ListingFactory(title="ვენახის გასხვლა")


def test_changing_a_time_bank_listing(listing):
    detail = f"/time-bank/{listing.pk}/"
    warm("/time-bank/", detail)
    listing.title = "ვაზის გასხვლა შაბათს"
    listing.save()
    assert "ვაზის გასხვლა შაბათს" in page_text("/time-bank/")[2]
    assert "ვაზის გასხვლა შაბათს" in page_text(detail)[2]


def test_renaming_a_time_bank_category(listing):
    detail = f"/time-bank/{listing.pk}/"
    warm(detail)
    Category.objects.filter(pk=listing.category_id).update(name_ka="ბაღი-ახალი")
    assert "ბაღი-ახალი" in page_text(detail)[2]
