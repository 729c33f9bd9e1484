"""Post → moderate → publish → sign up → confirm e-mail → hours confirmed →
time-bank credit → certificate verification, through the real URLs."""

import pytest
from django.core import mail
from django.db.models import Sum
from django.test import Client

from taxonomy.factories import municipality, topic
from timebank import ledger
from timebank.models import Movement, Transfer
from volunteering.models import Opportunity, SignUp

from .conftest import (
    CONTACT_EMAIL,
    VOLUNTEER_EMAIL,
    VOLUNTEER_NAME,
    in_days,
    key,
    link_in,
    mail_to,
    sign_up_data,
)

pytestmark = pytest.mark.django_db


def posting(org, **changes):
    data = {
        "organization": org.pk,
        "language": "ka",
        "title": "ეზოს დასუფთავება სკოლასთან",
        "description": "ვასუფთავებთ სკოლის ეზოს და ვრგავთ ხეებს.",
        "municipality": municipality("gurjaani").pk,
        "place": "ვაჩნაძიანი",
        "starts_on": in_days(0).isoformat(),
        "ends_on": "",
        "time_needed": "ერთი დღე",
        "skills": "",
        "topics": [topic("environment").pk],
        "minimum_age": "14",
        "for_young_people": "on",
        "volunteers_needed": "1",
        "deadline": in_days(0).isoformat(),
        "contact_name": "მაია კოორდინატორი",
        "contact_email": CONTACT_EMAIL,
        "contact_phone": "+995 599 11 22 33",
        "submitter_email": "poster@org.example.org",
        "consent": "on",
        "homepage": "",
        "submission_key": key(),
    }
    data.update(changes)
    return data


def test_from_posting_to_a_verified_certificate(
    client, staff, organization, member, home_pages
):
    # 1. The organization posts an opportunity; it waits for review.
    response = client.post("/volunteering/post/", posting(organization))
    assert response.status_code == 302, response.context["form"].errors
    opportunity = Opportunity.objects.get(title="ეზოს დასუფთავება სკოლასთან")
    assert opportunity.status == Opportunity.Status.SUBMITTED
    assert mail_to("poster@org.example.org")
    assert opportunity.title not in Client().get("/volunteering/").content.decode()
    assert Client().get(f"/volunteering/{opportunity.pk}/").status_code == 404

    # 2. Staff publish it in the admin; the contact gets the private link.
    staff_client = Client()
    staff_client.force_login(staff)
    listing = staff_client.get("/admin/volunteering/opportunities/?status=submitted")
    assert opportunity.title in listing.content.decode()
    mail.outbox.clear()
    response = staff_client.post(
        f"/admin/volunteering/opportunities/publish/{opportunity.pk}/"
    )
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED
    [published] = mail_to(CONTACT_EMAIL)
    organizer_path = link_in(published, "/volunteering/organizer/")

    # 3. Citizens find it, in Georgian and English.
    assert opportunity.title in client.get("/volunteering/").content.decode()
    assert opportunity.title in client.get("/en/volunteering/").content.decode()
    found = client.get(
        "/volunteering/?municipality=gurjaani&young=on&topic=environment"
    )
    assert opportunity.title in found.content.decode()
    assert (
        opportunity.title
        not in client.get("/volunteering/?municipality=telavi").content.decode()
    )

    # 4. Nana signs up and asks for her hours in the time bank.
    mail.outbox.clear()
    response = client.post(
        f"/volunteering/{opportunity.pk}/",
        sign_up_data(credit_to_time_bank="on"),
    )
    assert response.status_code == 302
    sign_up = SignUp.objects.get(opportunity=opportunity)
    assert sign_up.status == SignUp.Status.SIGNED_UP
    [to_organization] = mail_to(CONTACT_EMAIL)
    assert VOLUNTEER_EMAIL in to_organization.body
    assert VOLUNTEER_NAME in to_organization.body
    [confirmation] = mail_to(VOLUNTEER_EMAIL)
    confirm_path = link_in(confirmation, "/volunteering/confirm/")
    assert client.get(confirm_path).status_code == 200
    sign_up.refresh_from_db()
    assert sign_up.email_confirmed_at is None  # a GET (mail scanner) is not enough
    client.post(confirm_path)
    sign_up.refresh_from_db()
    assert sign_up.email_confirmed_at is not None

    # 5. The same person again is recognised; the next one waits.
    again = client.post(f"/volunteering/{opportunity.pk}/", sign_up_data(email=""))
    assert again.status_code == 409
    assert again.context["form"].non_field_errors()
    assert SignUp.objects.filter(opportunity=opportunity).count() == 1
    client.post(
        f"/volunteering/{opportunity.pk}/",
        sign_up_data(name="ლევანი", email="levan@example.org", phone=""),
    )
    assert SignUp.objects.get(email="levan@example.org").status == "waiting"

    # 6. The organization confirms Nana's hours from its private link.
    page = Client().get(organizer_path)
    assert page.status_code == 200 and VOLUNTEER_NAME in page.content.decode()
    hub_before = ledger.balance(member.account.__class__.objects.hub())
    mail.outbox.clear()
    response = Client().post(
        organizer_path,
        {f"s{sign_up.pk}-attended": "on", f"s{sign_up.pk}-hours": "3",
         f"s{sign_up.pk}-minutes": "30"},
    )  # fmt: skip
    assert response.status_code == 302
    sign_up.refresh_from_db()
    assert sign_up.minutes == 210 and sign_up.certificate_code

    # 7. The hours are in the time bank, from the hub's account; the ledger sums.
    assert sign_up.time_bank_transfer.kind == Transfer.Kind.HUB_CREDIT
    assert ledger.balance(member.account) == 210
    assert ledger.balance(member.account.__class__.objects.hub()) == hub_before - 210
    assert Movement.objects.aggregate(total=Sum("amount"))["total"] == 0
    # Confirming again never pays twice.
    Client().post(
        organizer_path,
        {f"s{sign_up.pk}-attended": "on", f"s{sign_up.pk}-hours": "5"},
    )
    assert Transfer.objects.filter(kind=Transfer.Kind.HUB_CREDIT).count() == 1
    assert ledger.balance(member.account) == 210

    # 8. Nana gets her certificate; anyone can check its code without her name.
    [certificate_mail] = mail_to(VOLUNTEER_EMAIL)
    certificate_path = link_in(certificate_mail, "/volunteering/certificate/")
    certificate = client.get(certificate_path).content.decode()
    assert VOLUNTEER_NAME in certificate and sign_up.certificate_code in certificate
    english = client.get("/en" + certificate_path).content.decode()
    assert "Volunteering certificate" in english and VOLUNTEER_NAME in english
    verified = Client().get(
        f"/volunteering/verify/?code={sign_up.certificate_code.lower()}"
    )
    assert verified.status_code == 200
    text = verified.content.decode()
    assert "3.5" in text and organization.name in text
    assert VOLUNTEER_NAME not in text and VOLUNTEER_EMAIL not in text
    assert Client().get("/volunteering/verify/?code=AAAAA-BBBBB").status_code == 404
