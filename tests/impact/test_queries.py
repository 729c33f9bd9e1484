"""/impact/ costs the same number of SQL queries for 10 or 10,000 records
(organizations, consultation requests and time-bank members, bulk-created),
with its figures computed afresh: every figure is an aggregate or one pass over rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from consultations.factories import CaseFactory
from consultations.models import Case
from directory.models import Organization
from impact import figures
from taxonomy.models import Municipality
from tests.impact.conftest import IMPACT_URL, event
from tests.query_bounds import PUBLIC_PAGE_QUERIES
from timebank.factories import MemberFactory
from timebank.models import Member

pytestmark = pytest.mark.django_db

MAX_QUERIES = PUBLIC_PAGE_QUERIES


def bulk_records(count, start=0):
    """`count` records spread over organizations, requests and members."""
    places = list(Municipality.objects.order_by("pk"))
    locale = Locale.get_default()
    organizations = Organization.objects.bulk_create(
        Organization(
            locale=locale, name=f"ორგანიზაცია {n}", slug=f"bulk-{n}", live=True
        )
        for n in range(start, start + count // 3)
    )
    Organization.municipalities.through.objects.bulk_create(
        Organization.municipalities.through(
            organization=organization, municipality=places[n % len(places)]
        )
        for n, organization in enumerate(organizations)
    )
    Case.objects.bulk_create(
        CaseFactory.build(
            organization=None,
            group_name=f"ჯგუფი {n}",
            municipality=places[n % len(places)],
            kind=Case.Kind.values[n % len(Case.Kind.values)],
        )
        for n in range(count // 3)
    )
    Member.objects.bulk_create(
        MemberFactory.build(municipality=places[n % len(places)])
        for n in range(count - 2 * (count // 3))
    )


def page_queries(client, url=IMPACT_URL):
    """Queries of the page computing its figures afresh (the site's menu and
    settings stay cached, as between two requests of a running site)."""
    figures.forget()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", [IMPACT_URL, "/en/impact/"])
def test_the_page_costs_the_same_for_10_or_10000_records(client, home_pages, url):
    from home.factories import news_and_event_pages

    _news, index = news_and_event_pages(home_pages["ka"])
    event(index, 5, participants_count=10)
    bulk_records(10)
    client.get(url)  # warm the site and locale caches
    small = page_queries(client, url)
    bulk_records(9990, start=10)
    assert (
        Organization.objects.count() + Case.objects.count() + Member.objects.count()
        >= 10000
    )

    large = page_queries(client, url)

    assert large == small
    assert large <= MAX_QUERIES, large


def test_the_cached_page_costs_fewer_queries(client, home_pages):
    bulk_records(30)
    client.get(IMPACT_URL)
    cold = page_queries(client)

    with CaptureQueriesContext(connection) as captured:
        client.get(IMPACT_URL)

    assert len(captured.captured_queries) < cold
