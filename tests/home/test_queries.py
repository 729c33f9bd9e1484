"""Every public editorial page renders with a bounded number of SQL queries that
does not grow with the number of items it lists (measured with few and many)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.factories import OrganizationFactory
from home.factories import (
    EventPageFactory,
    ImageFactory,
    NewsPageFactory,
    OutreachTopicPageFactory,
    StandardPageFactory,
    name_organizations,
)
from taxonomy.factories import topic
from tests.query_bounds import PUBLIC_PAGE_QUERIES

FEW, MANY = 2, 12
MAX_QUERIES = PUBLIC_PAGE_QUERIES


def add_items(indexes, count):
    """`count` news and `count` events (half past, half upcoming) with images,
    topics and organizations, as the listings show them."""
    topics = [topic("eu-association"), topic("dcfta")]
    now = timezone.now()
    for n in range(count):
        image = ImageFactory()
        organizations = [OrganizationFactory(), OrganizationFactory()]
        news = NewsPageFactory(
            parent=indexes["news"]["ka"], image=image, topics=topics, publish=False
        )
        name_organizations(news, organizations)
        news.save_revision().publish()
        for days in (-(n + 1), n + 1):
            event = EventPageFactory(
                parent=indexes["events"]["ka"],
                image=image,
                topics=topics,
                start=now + timedelta(days=days),
                publish=False,
            )
            name_organizations(event, organizations)
            event.save_revision().publish()


def count_queries(client, url):
    client.get(url)  # first request makes image renditions; not measured
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


URLS = [
    "/",
    "/en/",
    "/news/",
    "/news/?topic=dcfta&municipality=telavi",
    "/events/",
    "/events/?when=past&type=information_meeting",
    "/association/",
    "/about/",
    "/feeds/news.xml",
    "/feeds/events.ics",
    "/sitemap.xml",
]


@pytest.fixture
def pages(indexes, home_pages):
    OutreachTopicPageFactory(parent=home_pages["ka"], slug="association")
    StandardPageFactory(parent=home_pages["ka"], slug="about")


def test_listings_queries_do_not_grow(
    client, indexes, pages, django_assert_max_num_queries
):
    add_items(indexes, FEW)
    few = {url: count_queries(client, url) for url in URLS}
    add_items(indexes, MANY - FEW)
    for url in URLS:
        many = count_queries(client, url)
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)
        assert many == few[url], url


def test_detail_pages_queries_do_not_grow(
    client, indexes, django_assert_max_num_queries
):
    add_items(indexes, 1)
    news = indexes["news"]["ka"].get_children().specific().first()
    event = indexes["events"]["ka"].get_children().specific().first()
    few = {page.url: count_queries(client, page.url) for page in (news, event)}
    extra = [OrganizationFactory() for _ in range(MANY)]
    extra_topics = [topic(slug) for slug in ("youth", "culture", "tourism", "health")]
    for page in (news, event):
        name_organizations(page, extra)
        page.topics.add(*extra_topics)
        page.save_revision().publish()
        assert extra[-1].name in client.get(page.url).content.decode()
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(page.url)
        assert count_queries(client, page.url) == few[page.url]
