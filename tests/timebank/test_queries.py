"""The public pages and a member's statement cost a bounded number of queries,
whatever the number of members, listings and exchanges."""

import pytest

from taxonomy.factories import municipality
from tests.query_bounds import PUBLIC_PAGE_QUERIES
from timebank.factories import ListingFactory, MemberFactory, category, exchange

from .conftest import sign_in

# These pages search: the search index is kept up to date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

SLUGS = ["telavi", "kvareli", "sagarejo"]


def build(size, reader):
    members = [
        MemberFactory(municipality=municipality(SLUGS[n % 3])) for n in range(size)
    ]
    for number, member in enumerate(members):
        ListingFactory(
            member=member,
            kind="offer" if number % 2 else "request",
            category=category(["garden", "lessons", "care"][number % 3]),
        )
        exchange(helper=member, helped=reader, minutes=15)
        exchange(helper=reader, helped=member, minutes=15)
    return members


@pytest.mark.parametrize("size", [3, 15])
@pytest.mark.parametrize(
    "url",
    [
        "/time-bank/",
        "/en/time-bank/",
        "/time-bank/?municipality=telavi&category=garden&kind=offer",
        "/time-bank/?q=ბაღში",
    ],
)
def test_public_listing(client, django_assert_max_num_queries, size, url, home_pages):
    build(size, MemberFactory())
    client.get(url)  # the site's menu and settings get cached
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    if "?" not in url:
        assert len(response.context["listings"]) == size


@pytest.mark.parametrize("size", [3, 15])
def test_listing_page(client, django_assert_max_num_queries, size, home_pages):
    build(size, MemberFactory())
    from timebank.models import Listing

    listing = Listing.objects.first()
    # The bound of every public page (issue 16), whatever the data's size.
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
        response = client.get(f"/time-bank/{listing.pk}/")
    assert listing.title in response.content.decode()


MEMBER_PAGE_QUERIES = 20


@pytest.mark.parametrize("size", [3, 15])
@pytest.mark.parametrize("url", ["/time-bank/me/", "/time-bank/me/statement/"])
def test_member_pages(client, django_assert_max_num_queries, size, url):
    reader = MemberFactory()
    build(size, reader)
    sign_in(client, reader)
    # A member's own pages (signed in, never cached) may cost a little more.
    with django_assert_max_num_queries(MEMBER_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    if url.endswith("statement/"):
        assert len(response.context["movements"]) == min(2 * size, 25)
