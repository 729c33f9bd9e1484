"""Registration → approval → offer → response → exchange → confirmation,
through the real URLs, e-mails and the coordinators' admin."""

import pytest
from django.core import mail
from django.test import Client

from taxonomy.factories import municipality
from timebank import ledger
from timebank.factories import category
from timebank.models import Exchange, Listing, Member, RelayedMessage

from .conftest import sign_in
from .helpers import follow_sign_in_link, key, link_in, mail_to, registration

pytestmark = pytest.mark.django_db


def test_from_registration_to_a_confirmed_exchange(
    client, coordinator, giorgi, home_pages
):
    kvareli = municipality("kvareli")

    # 1. Keti registers at /time-bank/join/ and confirms her e-mail.
    response = client.post("/time-bank/join/", registration(kvareli))
    assert response.status_code == 302
    keti = Member.objects.get(email="keti@example.org")
    assert keti.status == Member.Status.PENDING
    assert keti.public_name == "ქეთევან ჯ."
    [confirmation] = mail_to("keti@example.org")
    confirm_path = link_in(confirmation, "/time-bank/confirm/")
    assert "დაადასტურეთ" in client.get(confirm_path).content.decode()
    assert keti.__class__.objects.get(pk=keti.pk).email_confirmed_at is None
    client.post(confirm_path)
    keti.refresh_from_db()
    assert keti.email_confirmed_at is not None

    # 2. Pending: she cannot sign in, and nothing of hers is public yet.
    mail.outbox.clear()
    client.post(
        "/time-bank/sign-in/", {"email": "keti@example.org", "submission_key": key()}
    )
    assert mail_to("keti@example.org") == []

    # 3. A coordinator approves her in the admin; she gets a sign-in link.
    coordinator_client = Client()
    coordinator_client.force_login(coordinator)
    members_page = coordinator_client.get("/admin/time-bank/members/?status=pending")
    assert "ქეთევან ჯავახიშვილი" in members_page.content.decode()
    coordinator_client.post(f"/admin/time-bank/members/approve/{keti.pk}/")
    keti.refresh_from_db()
    assert keti.status == Member.Status.APPROVED
    [welcome] = mail_to("keti@example.org")
    assert f"№ {keti.pk}" in welcome.body

    # 4. She signs in with the link and publishes an offer.
    keti_client = Client()
    response = follow_sign_in_link(
        keti_client, link_in(welcome, "/time-bank/sign-in/link/")
    )
    assert response.status_code == 302 and response.url == "/time-bank/me/"
    assert "გამარჯობა, ქეთევან ჯ." in keti_client.get("/time-bank/me/").content.decode()
    response = keti_client.post(
        "/time-bank/me/new/",
        {
            "kind": "offer",
            "title": "ინგლისურის გაკვეთილები მოსწავლეებისთვის",
            "category": category("lessons").pk,
            "municipality": kvareli.pk,
            "description": "კვირაში ორჯერ, საათობით, ყვარელში.",
            "submission_key": key(),
        },
    )
    offer = Listing.objects.get(member=keti)
    assert response.url == f"/time-bank/{offer.pk}/"
    public = Client().get("/time-bank/?municipality=kvareli").content.decode()
    assert offer.title in public and "ქეთევან ჯ." in public

    # 5. Giorgi finds it and presses "I'd like this": Keti is told, relayed.
    mail.outbox.clear()
    giorgi_client = sign_in(Client(), giorgi)
    page = giorgi_client.get(f"/time-bank/{offer.pk}/").content.decode()
    assert "მსურს" in page  # "I'd like this"
    response = giorgi_client.post(
        f"/time-bank/{offer.pk}/respond/",
        {
            "body": "გამარჯობა! შვილს სჭირდება, ხუთშაბათს შეიძლება?",
            "submission_key": key(),
        },
    )
    [relayed] = mail.outbox
    assert relayed.to == ["keti@example.org"]
    assert "გიორგი კ." in relayed.body and "ხუთშაბათს" in relayed.body
    assert "giorgi@example.org" not in relayed.body + relayed.subject
    assert "კაპანაძე" not in relayed.body
    conversation_path = response.url

    # Keti answers through the link of the e-mail; Giorgi gets it relayed.
    mail.outbox.clear()
    keti_client = Client()
    follow_sign_in_link(keti_client, link_in(relayed, "/time-bank/sign-in/link/"))
    keti_client.post(
        conversation_path, {"body": "კი, ხუთშაბათს 5-ზე.", "submission_key": key()}
    )
    [answer] = mail.outbox
    assert answer.to == ["giorgi@example.org"]
    assert "keti@example.org" not in answer.body
    assert RelayedMessage.objects.filter(delivered=True).count() == 2

    # 6. After the lesson Giorgi (helped) records it; Keti (helper) confirms.
    mail.outbox.clear()
    giorgi_client.post(
        "/time-bank/me/exchanges/new/",
        {
            "helper": keti.pk,
            "hours": "1",
            "minutes": "30",
            "description": "ინგლისურის გაკვეთილი",
            "occurred_on": "",
            "submission_key": key(),
        },
    )
    assert Exchange.objects.count() == 0  # the date is required: nothing saved
    giorgi_client.post(
        "/time-bank/me/exchanges/new/",
        {
            "helper": keti.pk,
            "hours": "1",
            "minutes": "30",
            "description": "ინგლისურის გაკვეთილი",
            "occurred_on": str(giorgi.registered_at.date()),
            "submission_key": key(),
        },
    )
    record = Exchange.objects.get()
    assert record.status == Exchange.Status.AWAITING
    assert ledger.balance(keti.account) == 0
    [ask] = mail_to("keti@example.org")
    me = keti_client.get("/time-bank/me/").content.decode()
    assert "ინგლისურის გაკვეთილი" in me and "1 სთ 30 წთ" in me
    keti_client.post(
        f"/time-bank/me/exchanges/{record.pk}/decide/", {"decision": "confirm"}
    )
    keti_client.post(  # a second click pays nothing more
        f"/time-bank/me/exchanges/{record.pk}/decide/", {"decision": "confirm"}
    )

    record.refresh_from_db()
    assert record.status == Exchange.Status.CONFIRMED
    assert ledger.balance(keti.account) == 90
    assert ledger.balance(giorgi.account) == -90
    assert "დადასტურდა" in mail_to("giorgi@example.org")[0].subject
    statement = giorgi_client.get("/time-bank/me/statement/").content.decode()
    assert "ქეთევან ჯ." in statement and "−1 სთ 30 წთ" in statement
