"""Public pages cost a bounded number of queries, whatever the data's size."""

import pytest
from django.test import Client

from directory.factories import OrganizationFactory
from taxonomy.factories import topic
from tests.query_bounds import PUBLIC_PAGE_QUERIES
from volunteering.factories import OpportunityFactory, SignUpFactory

pytestmark = pytest.mark.django_db


def build(size):
    organizations = [OrganizationFactory() for _ in range(3)]
    opportunities = [
        OpportunityFactory(
            organization=organizations[n % 3],
            topics=[topic("youth"), topic("education")],
        )
        for n in range(size)
    ]
    for opportunity in opportunities[:3]:
        for _ in range(3):
            SignUpFactory(opportunity=opportunity)
    return opportunities


@pytest.mark.parametrize("size", [3, 30])
def test_listing(django_assert_max_num_queries, size, home_pages):
    build(size)
    client = Client()
    for url in ("/volunteering/", "/en/volunteering/?young=&municipality=telavi"):
        client.get(url)  # the site's menu and settings get cached
        with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_detail_and_calendar(django_assert_max_num_queries, size, home_pages):
    opportunity = build(size)[0]
    client = Client()
    for url in (
        f"/volunteering/{opportunity.pk}/",
        f"/volunteering/{opportunity.pk}/calendar.ics",
        "/volunteering/verify/?code=AAAAA-BBBBB",
    ):
        with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
            assert client.get(url).status_code in (200, 404)
