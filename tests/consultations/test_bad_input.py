"""Bad input of every kind: a clear Georgian error, no 500, nothing half-saved."""

import pytest
from django.core import mail

from consultations.models import Case
from directory.factories import OrganizationFactory
from tests.consultations.conftest import REQUEST_URL, REQUEST_URL_EN, request_data

pytestmark = pytest.mark.django_db

COMMON_REQUIRED = [
    "requester",
    "contact_name",
    "contact_email",
    "kind",
    "question",
    "urgency",
    "preferred_mode",
    "consent",
]


@pytest.fixture
def organization(home_pages):
    return OrganizationFactory(name="გურჯაანის მწვანე ალიანსი")


def assert_nothing_saved():
    assert Case.objects.count() == 0
    assert mail.outbox == []


def errors_of(response):
    return response.context["form"].errors


def test_an_empty_form_marks_every_required_field(client, organization):
    response = client.post(
        REQUEST_URL, {"submission_key": request_data()["submission_key"]}
    )

    assert response.status_code == 200
    content = response.content.decode()
    for name in COMMON_REQUIRED:
        assert f'id="id_{name}_error"' in content, name
    assert "გთხოვთ, გაასწოროთ ქვემოთ მონიშნული შეცდომები" in content
    assert_nothing_saved()


@pytest.mark.parametrize("missing", COMMON_REQUIRED)
def test_each_missing_field_is_marked_and_the_rest_kept(client, organization, missing):
    data = request_data(organization, question="ჩემი აკრეფილი შეკითხვა")
    data.pop(missing)

    response = client.post(REQUEST_URL, data)

    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{missing}_error"' in content
    assert content.count('class="errorlist"') == 1
    assert "ჩემი აკრეფილი შეკითხვა" in content or missing == "question"
    assert_nothing_saved()


def test_a_directory_organization_must_be_chosen(client, organization):
    data = {**request_data(organization), "organization": ""}
    response = client.post(REQUEST_URL, data)

    assert errors_of(response)["organization"] == ["აირჩიეთ თქვენი ორგანიზაცია სიიდან."]
    assert_nothing_saved()


def test_a_new_group_needs_its_name_and_municipality(client, organization):
    response = client.post(REQUEST_URL, request_data(group_name="   ", municipality=""))

    errors = errors_of(response)
    assert errors["group_name"] == ["მიუთითეთ თქვენი ჯგუფის სახელი."]
    assert errors["municipality"] == ["აირჩიეთ მუნიციპალიტეტი."]
    assert_nothing_saved()


def test_consent_is_required_in_georgian(client, organization):
    response = client.post(REQUEST_URL, request_data(organization, consent=None))

    assert errors_of(response)["consent"] == [
        "მოთხოვნის მიღება მხოლოდ თქვენი თანხმობით შეგვიძლია."
    ]
    assert_nothing_saved()


def test_english_errors_on_the_english_form(client, organization):
    data = {**request_data(organization), "organization": ""}
    response = client.post(REQUEST_URL_EN, data)

    assert errors_of(response)["organization"] == [
        "Choose your organization from the list."
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_email", "not-an-address"),
        ("contact_phone", "call me maybe"),
        ("kind", "astrology"),
        ("urgency", "yesterday"),
        ("preferred_mode", "carrier pigeon"),
        ("requester", "somebody"),
        ("organization", "999999"),
        ("organization", "abc"),
        ("municipality", "999999"),
        ("question", "ა" * 4001),
        ("contact_name", "ა" * 201),
    ],
)
def test_a_wrong_value_is_an_error_of_its_field(client, organization, field, value):
    data = request_data(organization if field != "municipality" else None)
    data[field] = value

    response = client.post(REQUEST_URL, data)

    assert response.status_code == 200
    assert field in errors_of(response)
    assert_nothing_saved()


def test_an_unlisted_organization_cannot_be_chosen(client, organization):
    draft = OrganizationFactory(name="დრაფტი ორგანიზაცია", live=False)

    response = client.post(REQUEST_URL, request_data(draft))

    assert "organization" in errors_of(response)
    assert "დრაფტი ორგანიზაცია" not in response.content.decode()
    assert_nothing_saved()


@pytest.mark.parametrize("key", ["", "not-a-uuid", "1234"])
def test_a_tampered_submission_key_gets_a_fresh_one(client, organization, key):
    response = client.post(REQUEST_URL, request_data(organization, submission_key=key))

    assert response.status_code == 200
    content = response.content.decode()
    assert "ფორმას ვადა გაუვიდა" in content
    fresh = response.context["form"]["submission_key"].value()
    assert fresh not in ("", key)
    assert_nothing_saved()


def test_a_nul_byte_is_refused_before_the_form(client, organization):
    response = client.post(REQUEST_URL, request_data(organization, question="ა\x00ბ"))

    assert response.status_code == 400
    assert_nothing_saved()


def test_a_get_with_parameters_changes_nothing(client, organization):
    response = client.get(REQUEST_URL, request_data(organization))

    assert response.status_code == 200
    assert_nothing_saved()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_save_nothing(client, organization, method):
    response = getattr(client, method)(REQUEST_URL)

    assert response.status_code == 405
    assert_nothing_saved()


def test_an_organization_the_directory_places_nowhere_must_say_where(
    client, home_pages
):
    nowhere = OrganizationFactory(name="უადგილო ორგანიზაცია", municipalities=[])

    refused = client.post(REQUEST_URL, request_data(nowhere))
    assert errors_of(refused)["municipality"] == ["აირჩიეთ მუნიციპალიტეტი."]
    assert_nothing_saved()

    telavi = refused.context["form"].fields["municipality"].queryset.get(slug="telavi")
    data = {**request_data(nowhere), "municipality": str(telavi.pk)}
    assert client.post(REQUEST_URL, data).status_code == 302
    assert Case.objects.get().municipality == telavi
