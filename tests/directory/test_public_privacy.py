"""Private fields of organizations never reach anything public."""

import io

import pytest
from openpyxl import load_workbook
from wagtail.search.backends import get_search_backend

from directory.factories import OrganizationFactory, translate
from directory.models import Organization

# These pages search: the search index is kept up to date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

MARKERS = {
    "contact_person": "Markerperson Privatov",
    "contact_person_phone": "+995 599 123 987",
    "contact_person_email": "private.marker@example.org",
    "submitter_email": "submitter.marker@example.org",
    "staff_notes": "MARKER-STAFF-NOTE ფარული შენიშვნა",
}


@pytest.fixture
def organization(home_pages):
    organization = OrganizationFactory(
        name="სიღნაღის მოხალისეთა ქსელი",
        slug="sighnaghi-volunteers",
        municipalities=["sighnaghi"],
        fields_of_work=["volunteering"],
        **MARKERS,
    )
    translate(organization, name="Sighnaghi Volunteer Network", slug="volunteers-en")
    return organization


# Parts of the markers too, in case a value is shown cut or reformatted.
FRAGMENTS = [
    *MARKERS.values(),
    "Markerperson",
    "599 123",
    "private.marker",
    "submitter.marker",
    "MARKER-STAFF",
    "ფარული შენიშვნა",
]


def assert_no_marker(content, where):
    text = content.decode("utf-8", errors="replace")
    for fragment in FRAGMENTS:
        assert fragment not in text, f"{fragment!r} leaked into {where}"


PUBLIC_URLS = [
    "/organizations/",
    "/organizations/?q=მოხალისეთა",
    "/organizations/?municipality=sighnaghi",
    "/organizations/sighnaghi-volunteers/",
    "/organizations/propose/",
    "/organizations/propose/?organization=sighnaghi-volunteers",
    "/organizations/data/",
    "/en/organizations/",
    "/en/organizations/volunteers-en/",
    "/en/organizations/?q=Volunteer",
    "/api/v1/organizations/",
    "/api/v1/organizations/?q=მოხალისეთა",
    "/api/v1/organizations/?language=en",
    "/api/v1/organizations/sighnaghi-volunteers/",
    "/api/schema/",
    "/api/schema/?format=json",
    "/data/organizations.csv",
    "/data/organizations.json",
    "/data/organizations.csv?language=en&q=Volunteer",
    "/data/organizations.json?municipality=sighnaghi",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_private_fields_appear_on_no_public_url(client, organization, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_no_marker(response.content, url)


def test_the_organization_itself_is_on_those_pages(client, organization):
    """The checks above look at pages that really show the organization."""
    assert organization.name in client.get("/organizations/").content.decode()
    assert organization.email in client.get(
        "/organizations/sighnaghi-volunteers/"
    ).content.decode("utf-8")
    assert organization.name in client.get("/data/organizations.json").content.decode()


def test_private_fields_are_not_in_the_xlsx(client, organization):
    response = client.get("/data/organizations.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert organization.name in cells
    assert_no_marker("\n".join(cells).encode(), "xlsx")


def test_private_fields_are_not_searchable(client, organization):
    backend = get_search_backend()
    assert list(backend.search("Markerperson", Organization)) == []
    assert list(backend.search("MARKER-STAFF-NOTE", Organization)) == []
    assert organization in list(backend.search("მოხალისეთა", Organization))
    page = client.get("/organizations/?q=Markerperson")
    assert list(page.context["organizations"]) == []
    api = client.get("/api/v1/organizations/?q=private.marker@example.org")
    assert api.json()["count"] == 0
