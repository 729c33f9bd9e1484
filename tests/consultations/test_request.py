"""The public request form: an organization or group asks for a consultation."""

import pytest
from django.core import mail
from wagtail.models import Locale

from consultations.models import Case
from directory.factories import OrganizationFactory, translate
from tests.consultations.conftest import REQUEST_URL, REQUEST_URL_EN, request_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(home_pages):
    return OrganizationFactory(
        name="სიღნაღის ახალგაზრდული ცენტრი",
        municipalities=["sighnaghi", "gurjaani"],
    )


def test_the_form_is_offered_in_georgian_and_english(client, organization):
    georgian = client.get(REQUEST_URL).content.decode()
    english = client.get(REQUEST_URL_EN).content.decode()

    assert '<html lang="ka">' in georgian
    assert "კონსულტაციის მოთხოვნა" in georgian
    assert "Ask for a consultation" in english
    for name in (
        "requester",
        "organization",
        "group_name",
        "municipality",
        "contact_name",
        "contact_email",
        "contact_phone",
        "kind",
        "question",
        "urgency",
        "preferred_mode",
        "consent",
        "homepage",
        "submission_key",
    ):
        assert f'name="{name}"' in georgian, name
    assert "სიღნაღის ახალგაზრდული ცენტრი" in georgian
    for kind in ("legal", "organizational", "informational", "other"):
        assert f'value="{kind}"' in georgian
    for mode in ("office", "phone", "online"):
        assert f'value="{mode}"' in georgian


def test_the_footer_links_to_the_form(client, home_pages):
    assert 'href="/consultations/request/"' in client.get("/").content.decode()
    assert 'href="/en/consultations/request/"' in client.get("/en/").content.decode()


def test_a_directory_organization_asks(client, organization):
    response = client.post(
        REQUEST_URL, request_data(organization, kind="organizational")
    )

    assert response.status_code == 302
    assert response["Location"] == "/consultations/request/sent/"
    case = Case.objects.get()
    assert case.status == Case.Status.UNCONFIRMED and case.confirmed_at is None
    assert case.organization == organization and case.group_name == ""
    assert case.municipality.slug == "gurjaani"  # the first of its two, by name
    assert case.kind == "organizational"
    assert case.preferred_mode == "phone" and case.urgency == "normal"
    assert case.contact_name == "თამარ ჩიქოვანი"
    assert case.contact_phone == "+995 555 98 76 54"
    assert case.language == "ka" and case.channel == "online"
    assert case.consent_given_at is not None
    [message] = mail.outbox
    assert message.to == ["tamar@example.org"]
    assert "/consultations/confirm/" in message.body
    assert f"/consultations/track/{case.tracking_token}/" in message.body
    assert "/en/" not in message.body
    assert "თამარ ჩიქოვანი" in message.body


def test_a_group_not_in_the_directory_asks(client, organization):
    client.post(REQUEST_URL, request_data())

    case = Case.objects.get()
    assert case.organization is None
    assert case.group_name == "ყვარლის ახალგაზრდა ფერმერები"
    assert case.municipality.slug == "kvareli"


def test_the_english_form_mails_in_english_and_keeps_the_georgian_source(
    client, organization
):
    english = translate(organization, name="Sighnaghi Youth Centre")

    client.post(REQUEST_URL_EN, request_data(english))

    case = Case.objects.get()
    assert case.language == "en"
    # The case points at the directory's source row, whatever row was picked.
    assert case.organization == organization
    assert case.organization.locale == Locale.get_default()
    [message] = mail.outbox
    assert "Please confirm" in message.subject
    assert "/en/consultations/confirm/" in message.body


def test_the_request_sent_page(client, home_pages):
    response = client.get("/en/consultations/request/sent/")

    assert "Check your e-mail" in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_a_double_submit_makes_one_case_and_one_email(client, organization):
    data = request_data(organization)

    first = client.post(REQUEST_URL, data)
    second = client.post(REQUEST_URL, data)

    assert first["Location"] == second["Location"] == "/consultations/request/sent/"
    assert Case.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_honeypot_saves_nothing_and_tells_nothing(client, organization):
    response = client.post(
        REQUEST_URL, request_data(organization, homepage="http://spam.example")
    )

    assert response.status_code == 302
    assert response["Location"] == "/consultations/request/sent/"
    assert Case.objects.count() == 0
    assert mail.outbox == []


def test_the_rate_limit_refuses_in_georgian_and_keeps_the_input(
    client, organization, settings
):
    settings.CONSULTATION_REQUEST_RATE = "2/h"
    for _ in range(2):
        assert client.post(REQUEST_URL, request_data(organization)).status_code == 302

    response = client.post(
        REQUEST_URL, request_data(organization, question="მესამე შეკითხვა")
    )

    assert response.status_code == 429
    content = response.content.decode()
    assert "ძალიან ბევრი მოთხოვნა" in content
    assert "მესამე შეკითხვა" in content
    assert Case.objects.count() == 2
    assert len(mail.outbox) == 2


def test_invalid_posts_do_not_use_up_the_rate_limit(client, organization, settings):
    settings.CONSULTATION_REQUEST_RATE = "1/h"
    for _ in range(3):
        response = client.post(REQUEST_URL, request_data(organization, question=""))
        assert response.status_code == 200

    assert client.post(REQUEST_URL, request_data(organization)).status_code == 302
    assert Case.objects.count() == 1
