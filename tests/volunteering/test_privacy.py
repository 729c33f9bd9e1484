"""The contact details of volunteers and contact persons never reach a public
page, the search, the sitemap, the feeds or the staff's exports; the private
pages (the organization's link, the admin) show them: the positive control
that the checker would see a leak."""

import pytest
from django.test import Client
from wagtail.search.backends import get_search_backend

from tests.admin_exports import export
from volunteering import hours, links
from volunteering.factories import SignUpFactory
from volunteering.models import Opportunity

from .conftest import (
    CONTACT_EMAIL,
    CONTACT_NAME,
    SECRETS,
    VOLUNTEER_EMAIL,
    VOLUNTEER_NAME,
    VOLUNTEER_PHONE,
    in_days,
)

pytestmark = pytest.mark.django_db


def leaks(text):
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture
def confirmed(opportunity, member):
    """A volunteer with confirmed, credited hours and a certificate."""
    Opportunity.objects.filter(pk=opportunity.pk).update(starts_on=in_days(0))
    opportunity.refresh_from_db()
    sign_up = SignUpFactory(
        opportunity=opportunity,
        name=VOLUNTEER_NAME,
        email=VOLUNTEER_EMAIL,
        phone=VOLUNTEER_PHONE,
        credit_to_time_bank=True,
    )
    return hours.confirm(sign_up, attended=True, minutes=120)


def public_urls(opportunity, sign_up):
    pk = opportunity.pk
    paths = [
        "/volunteering/",
        f"/volunteering/?q={opportunity.title.split()[0]}",
        f"/volunteering/{pk}/",
        f"/volunteering/{pk}/calendar.ics",
        f"/volunteering/{pk}/signed-up/",
        "/volunteering/post/",
        f"/volunteering/verify/?code={sign_up.certificate_code}",
        "/sitemap.xml",
        "/feeds/news.xml",
        "/feeds/events.ics",
        f"/search/?q={opportunity.title.split()[0]}",
        "/time-bank/",
    ]
    return paths + ["/en" + path for path in paths if path.startswith("/volunteering")]


def test_no_contact_details_on_any_public_url(confirmed, home_pages):
    opportunity = confirmed.opportunity
    client = Client()
    seen = 0
    for path in public_urls(opportunity, confirmed):
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        seen += opportunity.title in text
        assert leaks(text) == [], path
    assert seen >= 8  # the opportunity itself is public on those pages


def test_positive_control_private_pages_show_them(confirmed, staff_client):
    opportunity = confirmed.opportunity
    organizer = Client().get(links.organizer_path(opportunity)).content.decode()
    assert VOLUNTEER_NAME in organizer and VOLUNTEER_EMAIL in organizer
    inspect = staff_client.get(
        f"/admin/volunteering/sign-ups/inspect/{confirmed.pk}/"
    ).content.decode()
    assert VOLUNTEER_EMAIL in inspect
    edit = staff_client.get(
        f"/admin/volunteering/opportunities/edit/{opportunity.pk}/"
    ).content.decode()
    assert CONTACT_NAME in edit and CONTACT_EMAIL in edit


def test_search_index_has_no_contact_details(confirmed, search_index):
    backend = get_search_backend()
    queryset = Opportunity.search_queryset()
    assert list(backend.search(confirmed.opportunity.title, queryset))
    for secret in (CONTACT_NAME, CONTACT_EMAIL):
        assert list(backend.search(secret, queryset)) == []
    text = confirmed.opportunity.search_text()
    assert leaks(text) == [] and leaks(confirmed.opportunity.search_excerpt()) == []


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "url", ["/admin/volunteering/opportunities/", "/admin/volunteering/sign-ups/"]
)
def test_exports_have_no_contact_details(confirmed, staff_client, url, export_format):
    response = export(staff_client, f"{url}?export={export_format}")
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if export_format == "xlsx":
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        text = "\n".join(
            " ".join(str(cell) for cell in row)
            for row in sheet.iter_rows(values_only=True)
        )
    else:
        text = body.decode("utf-8")
    assert confirmed.opportunity.title in text
    assert leaks(text) == []
