"""The directory page and the API cost the same SQL queries for 10 or 2,000
organizations: N+1 queries would fail here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from directory.models import Organization
from taxonomy.models import Municipality, Topic
from tests.query_bounds import PUBLIC_PAGE_QUERIES

# These pages search: the search index is kept up to date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

# Measured on SQLite and PostgreSQL; a few spare for chrome other apps add.
MAX_PAGE_QUERIES = PUBLIC_PAGE_QUERIES
MAX_API_QUERIES = 8


def bulk_organizations(count, language="ka"):
    """`count` live organizations, each in two municipalities and two topics."""
    locale = Locale.objects.get(language_code=language)
    municipalities = list(Municipality.objects.all())
    topics = list(Topic.objects.all())
    organizations = Organization.objects.bulk_create(
        Organization(
            locale=locale,
            name=f"ორგანიზაცია {n:05d}",
            slug=f"bulk-{language}-{n}",
            description="სამოქალაქო ჩართულობა",
            contact_person="PRIVATE-BULK-PERSON",
            live=True,
        )
        for n in range(count)
    )
    links = []
    topic_links = []
    for n, organization in enumerate(organizations):
        for offset in (0, 3):
            links.append(
                Organization.municipalities.through(
                    organization=organization,
                    municipality=municipalities[(n + offset) % len(municipalities)],
                )
            )
            topic_links.append(
                Organization.fields_of_work.through(
                    organization=organization, topic=topics[(n + offset) % len(topics)]
                )
            )
    Organization.municipalities.through.objects.bulk_create(links)
    Organization.fields_of_work.through.objects.bulk_create(topic_links)
    return organizations


@pytest.mark.parametrize("count", [10, 2000])
@pytest.mark.parametrize(
    "url",
    [
        "/organizations/",
        "/organizations/?municipality=telavi&topic=youth&legal_form=nnle",
        "/organizations/?q=ორგანიზაცია",
        "/en/organizations/",
        "/organizations/bulk-ka-5/",
    ],
)
def test_directory_pages_query_count_is_constant(
    client, home_pages, django_assert_max_num_queries, count, url
):
    bulk_organizations(count)
    client.get(url)  # warm up per-process caches (site, locales)
    with django_assert_max_num_queries(MAX_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    if "bulk-ka-5" not in url and "topic" not in url:
        assert response.context["page_obj"].paginator.count == count
        assert len(response.context["organizations"]) == min(count, 20)


@pytest.mark.parametrize("count", [10, 2000])
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/organizations/",
        "/api/v1/organizations/?page=2&page_size=5",
        "/api/v1/organizations/?municipality=telavi&q=ორგანიზაცია&language=en",
        "/api/v1/organizations/bulk-ka-5/",
    ],
)
def test_api_query_count_is_constant(
    client, db, django_assert_max_num_queries, count, url
):
    bulk_organizations(count)
    client.get(url)
    with django_assert_max_num_queries(MAX_API_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    if url == "/api/v1/organizations/":
        assert response.json()["count"] == count
        assert len(response.json()["results"]) == min(count, 50)


def test_logos_cost_no_query_per_card(client, home_pages):
    from directory.factories import OrganizationFactory
    from home.factories import ImageFactory

    def queries_of_listing(expected_logos):
        client.get("/organizations/")  # makes missing renditions once
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/organizations/")
        content = response.content.decode()
        assert content.count('class="organization-card__logo"') == expected_logos
        return len(queries)

    OrganizationFactory(logo=ImageFactory())
    one = queries_of_listing(1)
    for _ in range(5):
        OrganizationFactory(logo=ImageFactory())
    assert queries_of_listing(6) == one
