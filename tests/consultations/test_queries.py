"""The public pages of the desk cost a bounded number of SQL queries, the
same for 5 or 300 organizations in the directory (or sessions on a case):
an N+1 would fail here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from consultations.factories import CaseFactory, assign, closed, session
from directory.models import Organization
from taxonomy.factories import municipality
from tests.consultations.conftest import REQUEST_URL, REQUEST_URL_EN, request_data

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL (form 8-9, post 18 with the e-mail outbox,
# invalid post 10, tracking 6: the site chrome takes 5-6 of them), with a few
# spare.
MAX_FORM_QUERIES = 11
MAX_POST_QUERIES = 20
MAX_TRACK_QUERIES = 8


def bulk_organizations(count, start=0):
    """`count` live organizations, each working in one municipality."""
    locale = Locale.get_default()
    organizations = Organization.objects.bulk_create(
        Organization(
            locale=locale, name=f"ორგანიზაცია {n:04d}", slug=f"bulk-{n}", live=True
        )
        for n in range(start, start + count)
    )
    telavi = municipality("telavi")
    Organization.municipalities.through.objects.bulk_create(
        Organization.municipalities.through(organization=o, municipality=telavi)
        for o in organizations
    )
    return organizations


def queries(client, method, url, data=None, status=200):
    """The number of queries of one request, which must answer `status` (a
    sent form redirects; a refused one is shown again)."""
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data)
    assert response.status_code == status
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", [REQUEST_URL, REQUEST_URL_EN])
def test_the_form_costs_the_same_for_5_or_300_organizations(client, home_pages, url):
    bulk_organizations(5)
    client.get(url)  # warm the caches of locales and sites
    small = queries(client, "get", url)
    bulk_organizations(300, start=5)

    large = queries(client, "get", url)

    assert large == small
    assert large <= MAX_FORM_QUERIES


def test_sending_costs_the_same_for_5_or_300_organizations(client, home_pages):
    [first, *_] = bulk_organizations(5)
    client.get(REQUEST_URL)
    small = queries(client, "post", REQUEST_URL, request_data(first), status=302)
    bulk_organizations(300, start=5)

    large = queries(client, "post", REQUEST_URL, request_data(first), status=302)

    assert large == small
    assert large <= MAX_POST_QUERIES, large


def test_an_invalid_post_is_bounded_too(client, home_pages):
    bulk_organizations(300)
    client.get(REQUEST_URL)

    assert (
        queries(client, "post", REQUEST_URL, request_data(question=""))
        <= MAX_FORM_QUERIES
    )


def test_the_tracking_page_costs_the_same_for_1_or_40_sessions(client, home_pages):
    few = closed(assign(CaseFactory()))
    session(few)
    many = closed(assign(CaseFactory()))
    for n in range(40):
        session(many, days_ago=n)
    client.get(f"/consultations/track/{few.tracking_token}/")

    small = queries(client, "get", f"/consultations/track/{few.tracking_token}/")
    large = queries(client, "get", f"/consultations/track/{many.tracking_token}/")

    assert large == small
    assert large <= MAX_TRACK_QUERIES, large
