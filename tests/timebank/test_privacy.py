"""A member's contact details, surname and village never reach anything public:
pages, the search index, the site search's queryset, or the exchanges export."""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.search.backends import get_search_backend

from tests.admin_exports import export
from timebank.factories import ListingFactory, MemberFactory, exchange
from timebank.models import Listing, Member
from timebank.public_fields import LISTING_PUBLIC_FIELDS, MEMBER_PUBLIC_FIELDS

# These pages search: the search index is kept up to date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

MARKERS = {
    "first_name": "Markerina",
    "last_name": "Privatashvili",
    "village": "Secretsopeli",
    "phone": "+995 599 123 987",
    "email": "private.marker@example.org",
    "offers_text": "MARKER-OFFERS-TEXT",
    "needs_text": "MARKER-NEEDS-TEXT",
    "availability": "MARKER-AVAILABILITY",
    "staff_notes": "MARKER-STAFF-NOTE",
}
FRAGMENTS = [
    "Privatashvili",
    "Secretsopeli",
    "599 123",
    "599123987",
    "private.marker",
    "MARKER-OFFERS",
    "MARKER-NEEDS",
    "MARKER-AVAILABILITY",
    "MARKER-STAFF",
]


@pytest.fixture
def listing(home_pages):
    member = MemberFactory(**MARKERS)
    listing = ListingFactory(
        member=member,
        title="ვენახის გასხვლა ყვარელში",
        description="გაზაფხულზე ვენახის გასხვლაში დაგეხმარებით.",
    )
    return listing


def assert_no_marker(text, where):
    for fragment in FRAGMENTS:
        assert fragment not in text, f"{fragment!r} leaked into {where}"


PUBLIC_URLS = [
    "/time-bank/",
    "/time-bank/?q=ვენახის",
    "/time-bank/?municipality=telavi&category=garden&kind=offer",
    "/en/time-bank/",
    "/time-bank/{pk}/",
    "/en/time-bank/{pk}/",
    "/time-bank/join/",
    "/time-bank/sign-in/",
    "/search/?q=ვენახის",
    "/sitemap.xml",
    "/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_private_fields_appear_on_no_public_page(client, listing, url):
    response = client.get(url.format(pk=listing.pk))
    assert response.status_code == 200
    assert_no_marker(response.content.decode(), url)


def test_the_listing_and_the_public_name_are_on_those_pages(client, listing):
    """Positive control: the pages above do show this member's listing."""
    index = client.get("/time-bank/").content.decode()
    detail = client.get(f"/time-bank/{listing.pk}/").content.decode()
    for text in (index, detail):
        assert listing.title in text
        assert "Markerina P." in text
    searched = client.get("/time-bank/?q=ვენახის").content.decode()
    assert listing.title in searched


def test_the_index_holds_public_fields_only(listing):
    backend = get_search_backend()
    assert listing in list(backend.search("გასხვლაში", Listing))
    for private in ("Privatashvili", "Secretsopeli", "MARKER-OFFERS-TEXT"):
        assert list(backend.search(private, Listing)) == []
    assert "Markerina" not in listing.search_text()


def test_the_public_queryset_does_not_load_private_columns(listing):
    public = Listing.objects.public().get(pk=listing.pk)
    loaded = set(public.member.__dict__) - {"_state"}
    assert loaded <= {"id", "public_name", "municipality_id"}, loaded
    assert public.member.public_name == "Markerina P."
    assert Listing.search_queryset().filter(pk=listing.pk).exists()
    assert MEMBER_PUBLIC_FIELDS == ["public_name", "municipality"]
    assert "description" in LISTING_PUBLIC_FIELDS


def test_a_chosen_name_hides_even_the_first_name(client):
    member = MemberFactory(
        first_name="Markerina",
        public_name_choice=Member.PublicName.CHOSEN,
        chosen_name="ბებო ქეთო",
    )
    listing = ListingFactory(member=member)
    text = client.get(f"/time-bank/{listing.pk}/").content.decode()
    assert "ბებო ქეთო" in text
    assert "Markerina" not in text


def test_exchanges_export_names_members_by_public_name_only(
    coordinator_client, listing
):
    other = MemberFactory(first_name="ლია", last_name="თოდუა")
    exchange(helper=listing.member, helped=other, minutes=90, description="გასხვლა")

    response = export(coordinator_client, "/admin/time-bank/ledger/?export=csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert any("Markerina P." in row for row in rows)  # positive control
    assert_no_marker(text, "exchanges CSV")

    xlsx = export(coordinator_client, "/admin/time-bank/ledger/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    cells = "\n".join(
        str(c) for row in sheet.iter_rows(values_only=True) for c in row if c
    )
    assert "Markerina P." in cells
    assert_no_marker(cells, "exchanges XLSX")


def test_a_hidden_or_pending_members_listing_is_not_public(client, listing):
    listing.status = Listing.Status.HIDDEN
    listing.save()
    assert client.get(f"/time-bank/{listing.pk}/").status_code == 404
    pending = MemberFactory(status=Member.Status.PENDING)
    waiting = ListingFactory(member=pending)
    assert client.get(f"/time-bank/{waiting.pk}/").status_code == 404
    assert waiting.title not in client.get("/time-bank/").content.decode()
