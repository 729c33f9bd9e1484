"""The registration form: clear Georgian errors, nothing half-saved, the spam
guard of the initiative form (honeypot, submission key, rate limit)."""

import pytest
from django.core import mail

from taxonomy.factories import municipality
from timebank.factories import category
from timebank.models import Account, Member

from .helpers import key, link_in, registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def telavi():
    return municipality("telavi")


def post(client, data):
    return client.post("/time-bank/join/", data)


def test_a_registration_is_saved_with_its_account_and_categories(client, telavi):
    data = registration(telavi, offer_categories=[], need_categories=[])

    data["offer_categories"] = [category("lessons").pk, category("digital").pk]
    data["need_categories"] = [category("transport").pk]

    response = post(client, data)

    assert response.status_code == 302
    member = Member.objects.get()
    assert member.status == Member.Status.PENDING
    assert member.channel == Member.Channel.ONLINE
    assert member.language == "ka"
    assert member.phone_digits == "555443322"
    assert {c.slug for c in member.offer_categories.all()} == {"lessons", "digital"}
    assert Account.objects.get(member=member).lower_limit == -600
    assert member.consent_given_at is not None
    assert "დაადასტურეთ" in mail.outbox[0].subject


def test_the_page_explains_privacy_in_georgian(client):
    text = client.get("/time-bank/join/").content.decode()
    assert "რეგისტრაციის გაგზავნა" in text  # the button
    assert "სხვა წევრები და სტუმრები ხედავენ მხოლოდ თქვენს სახელს" in text
    assert "Leave this field empty" not in text.split('class="honeypot"')[0]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone": "", "email": ""}, "phone", "მიუთითეთ ტელეფონის ნომერი"),
        ({"email": "not-an-address"}, "email", "ელ"),
        ({"phone": "call me"}, "phone", "ციფრებით"),
        ({"first_name": ""}, "first_name", "სავალდებულო"),
        ({"last_name": ""}, "last_name", "სავალდებულო"),
        ({"municipality": "999"}, "municipality", ""),
        ({"consent_data": None}, "consent_data", "თანხმობით"),
        ({"consent_rules": None}, "consent_rules", "წესებს"),
        (
            {"public_name_choice": "chosen", "chosen_name": ""},
            "chosen_name",
            "დაწერეთ სახელი",
        ),
        ({"first_name": "ა" * 101}, "first_name", "101"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(
    client, telavi, changes, field, message
):
    response = post(client, registration(telavi, **changes))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    text = response.content.decode()
    assert "გთხოვთ, გაასწოროთ" in text
    assert registration(telavi)["offers_text"] in text  # what was typed is kept
    assert Member.objects.count() == 0
    assert Account.objects.filter(kind="member").count() == 0
    assert mail.outbox == []


def test_the_honeypot_tells_a_bot_nothing_and_saves_nothing(client, telavi):
    response = post(client, registration(telavi, homepage="http://spam.example"))
    assert response.status_code == 302
    assert response.url == "/time-bank/join/sent/"
    assert Member.objects.count() == 0


def test_a_double_submit_registers_once(client, telavi):
    data = registration(telavi)
    post(client, data)
    response = post(client, data)
    assert response.status_code == 302
    assert Member.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_missing_or_tampered_key_offers_a_fresh_one(client, telavi):
    response = post(client, registration(telavi, submission_key="nonsense"))
    assert response.status_code == 200
    assert "ფორმა არასრულად გამოიგზავნა" in response.content.decode()
    assert response.context["form"].data["submission_key"] != "nonsense"
    assert Member.objects.count() == 0


def test_the_rate_limit_keeps_what_was_typed(client, telavi, settings):
    settings.TIME_BANK_REGISTER_RATE = "2/h"
    for number in range(2):
        post(client, registration(telavi, email=f"p{number}@example.org"))
    response = post(client, registration(telavi, email="third@example.org"))
    assert response.status_code == 429
    text = response.content.decode()
    assert "ძალიან ბევრი რეგისტრაცია" in text
    assert "third@example.org" in text
    assert Member.objects.count() == 2


def test_phone_only_registration_needs_no_email(client, telavi):
    post(client, registration(telavi, email=""))
    member = Member.objects.get()
    assert member.email == "" and member.phone
    assert mail.outbox == []


def test_confirmation_links_are_checked(client, telavi):
    post(client, registration(telavi))
    path = link_in(mail.outbox[0], "/time-bank/confirm/")
    assert client.get(path[:-3] + "xx/").status_code == 400
    assert client.get("/time-bank/confirm/123:abc:def/").status_code == 400
    client.post(path)
    again = client.post(path)
    assert "უკვე დადასტურებულია" in again.content.decode()
    member = Member.objects.get()
    member.email = "changed@example.org"
    member.save()
    assert client.get(path).status_code == 404  # the address changed


def test_nul_bytes_are_refused_before_the_form(client, telavi):
    response = post(client, registration(telavi, first_name="ნი\x00ნო"))
    assert response.status_code == 400
    assert Member.objects.count() == 0


def test_the_listing_form_refuses_contact_details_in_public_text(client, nino):
    from .conftest import sign_in

    sign_in(client, nino)
    response = client.post(
        "/time-bank/me/new/",
        {
            "kind": "offer",
            "title": "ეზოს დალაგება",
            "category": category("garden").pk,
            "municipality": nino.municipality.pk,
            "description": "დამირეკეთ: 599 12 34 56",
            "submission_key": key(),
        },
    )
    assert response.status_code == 200
    assert "ტელეფონის ნომრები" in " ".join(
        response.context["form"].errors["description"]
    )
    assert not nino.listings.exists()
