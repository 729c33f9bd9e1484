"""Coordinators in the Georgian admin: approve, register from paper, record,
correct by reversal, set limits, follow inactive members, export."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from hub.factories import UserFactory
from hub.roles import COMMUNICATIONS_STAFF
from taxonomy.factories import municipality
from tests.admin_exports import export
from timebank import ledger
from timebank.factories import MemberFactory, exchange
from timebank.models import Exchange, Member, Transfer

pytestmark = pytest.mark.django_db


def test_the_admin_menu_and_listing_are_georgian(coordinator_client, nino):
    page = coordinator_client.get("/admin/time-bank/members/").content.decode()
    assert "დროის ბანკის წევრები" in page
    assert "ნინო ბერიძე" in page
    assert "ბოლო გაცვლა" in page


def test_approving_and_declining_registrations(coordinator_client, coordinator):
    pending = MemberFactory(status=Member.Status.PENDING, email="p@example.org")
    other = MemberFactory(status=Member.Status.PENDING)
    listing_page = coordinator_client.get("/admin/time-bank/members/?status=pending")
    assert (
        f"/admin/time-bank/members/approve/{pending.pk}/"
        in listing_page.content.decode()
    )

    coordinator_client.post(f"/admin/time-bank/members/approve/{pending.pk}/")
    response = coordinator_client.post(
        f"/admin/time-bank/members/decline/{other.pk}/", {"reason": ""}
    )
    assert response.status_code == 200  # the reason is required
    coordinator_client.post(
        f"/admin/time-bank/members/decline/{other.pk}/",
        {"reason": "ორჯერ დარეგისტრირდა"},
    )

    pending.refresh_from_db()
    other.refresh_from_db()
    assert (pending.status, pending.decided_by) == (Member.Status.APPROVED, coordinator)
    assert other.status == Member.Status.DECLINED
    assert other.decline_reason == "ორჯერ დარეგისტრირდა"
    assert [m.to for m in mail.outbox] == [["p@example.org"]]


def test_registering_a_member_from_paper(coordinator_client, coordinator):
    response = coordinator_client.post(
        "/admin/time-bank/members/new/",
        {
            "first_name": "მზია",
            "last_name": "ლომიძე",
            "public_name_choice": "initial",
            "chosen_name": "",
            "municipality": municipality("lagodekhi").pk,
            "village": "აფენი",
            "phone": "+995 577 11 22 33",
            "email": "",
            "offers_text": "ხაჭაპურის გამოცხობა",
            "needs_text": "",
            "availability": "",
            "language": "ka",
            "staff_notes": "",
            "channel": "paper",
            "consent": "on",
            "approve_now": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    member = Member.objects.get(last_name="ლომიძე")
    assert member.status == Member.Status.APPROVED
    assert member.channel == Member.Channel.PAPER
    assert member.consent_recorded_by == coordinator
    assert member.account.lower_limit == -600


def test_registering_without_consent_or_contact_saves_nothing(coordinator_client):
    response = coordinator_client.post(
        "/admin/time-bank/members/new/",
        {
            "first_name": "მზია",
            "last_name": "ლომიძე",
            "public_name_choice": "initial",
            "municipality": municipality("lagodekhi").pk,
            "language": "ka",
            "channel": "phone",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "თანხმობით" in text and "ტელეფონის ნომერი" in text
    assert not Member.objects.exists()


def test_recording_an_exchange_from_a_paper_slip(coordinator_client, nino, giorgi):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = coordinator_client.post(
        "/admin/time-bank/ledger/new/",
        {
            "helper_number": nino.pk,
            "helped_number": giorgi.pk,
            "hours": "2",
            "minutes": "15",
            "description": "შეშის დაჩეხვა",
            "occurred_on": yesterday.isoformat(),
            "channel": "paper",
        },
    )
    assert response.status_code == 302
    made = Transfer.objects.get()
    assert (made.channel, made.occurred_on) == ("paper", yesterday)
    assert ledger.balance(nino.account) == 135
    ledger_page = coordinator_client.get("/admin/time-bank/ledger/").content.decode()
    assert "შეშის დაჩეხვა" in ledger_page


def test_starting_hours_from_the_hub(coordinator_client, nino):
    coordinator_client.post(
        "/admin/time-bank/ledger/new/",
        {
            "helper_number": nino.pk,
            "hours": "2",
            "minutes": "0",
            "description": "საწყისი საათები",
            "occurred_on": timezone.localdate().isoformat(),
            "channel": "in_person",
        },
    )
    assert Transfer.objects.get().kind == Transfer.Kind.HUB_CREDIT
    assert ledger.balance(nino.account) == 120


def test_a_refused_record_shows_the_ledgers_reason(coordinator_client, nino, giorgi):
    ledger.set_limits(giorgi.account, 0, None)
    response = coordinator_client.post(
        "/admin/time-bank/ledger/new/",
        {
            "helper_number": nino.pk,
            "helped_number": giorgi.pk,
            "hours": "1",
            "minutes": "0",
            "description": "რთველი",
            "occurred_on": timezone.localdate().isoformat(),
            "channel": "phone",
        },
    )
    assert response.status_code == 200
    assert "ქვედა ზღვარს" in response.content.decode()
    assert not Transfer.objects.exists()


def test_correcting_by_reversal_and_never_editing(
    coordinator_client, admin_user, nino, giorgi
):
    made = exchange(helper=nino, helped=giorgi, minutes=60)
    page = coordinator_client.get("/admin/time-bank/ledger/").content.decode()
    assert f"/admin/time-bank/ledger/reverse/{made.pk}/" in page

    coordinator_client.post(
        f"/admin/time-bank/ledger/reverse/{made.pk}/", {"reason": "ორჯერ ჩაიწერა"}
    )

    assert Transfer.objects.filter(reverses=made).exists()
    assert ledger.balance(nino.account) == 0
    # No edit or delete view exists for anyone, superusers included.
    admin_client = Client()
    admin_client.force_login(admin_user)
    for client in (coordinator_client, admin_client):
        assert client.get(f"/admin/time-bank/ledger/edit/{made.pk}/").status_code == 404
        assert (
            client.get(f"/admin/time-bank/ledger/delete/{made.pk}/").status_code == 404
        )
        refused = client.post(f"/admin/time-bank/members/delete/{nino.pk}/")
        assert refused.status_code == 302 and refused.url == "/admin/"
    assert Member.objects.filter(pk=nino.pk).exists()
    inspect = admin_client.get(f"/admin/time-bank/ledger/inspect/{made.pk}/")
    assert inspect.status_code == 200


def test_setting_limits(coordinator_client, nino):
    coordinator_client.post(
        f"/admin/time-bank/members/limits/{nino.pk}/",
        {"lower_hours": "-5", "upper_hours": "40"},
    )
    nino.account.refresh_from_db()
    assert (nino.account.lower_limit, nino.account.upper_limit) == (-300, 2400)
    response = coordinator_client.post(
        f"/admin/time-bank/members/limits/{nino.pk}/",
        {"lower_hours": "3", "upper_hours": ""},
    )
    assert "ქვედა ზღვარი მასზე მეტი ვერ იქნება" in response.content.decode()


def test_confirming_for_a_helper_without_email(coordinator_client, giorgi):
    helper = MemberFactory(email="", email_confirmed_at=None)
    record = Exchange.objects.create(
        helper=helper,
        helped=giorgi,
        minutes=60,
        description="სახურავის შეკეთება",
        occurred_on=timezone.localdate(),
    )
    coordinator_client.post(
        f"/admin/time-bank/exchanges/decide/{record.pk}/", {"decision": "confirm"}
    )
    record.refresh_from_db()
    assert record.status == Exchange.Status.CONFIRMED
    assert ledger.balance(helper.account) == 60
    assert record.transfer.channel == Transfer.Channel.ADMIN


def test_inactive_members_filter(coordinator_client, nino, giorgi):
    long_ago = timezone.localdate() - datetime.timedelta(days=200)
    exchange(helper=nino, helped=giorgi, occurred_on=long_ago)
    active = MemberFactory(first_name="ლაშა", last_name="ბუაძე")
    exchange(helper=active, helped=giorgi)

    page = coordinator_client.get("/admin/time-bank/members/?inactive=6")

    names = {member.pk for member in page.context["object_list"]}
    assert nino.pk in names and active.pk not in names


def test_members_export_has_contacts_and_is_staff_only(
    coordinator_client, client, nino
):
    response = export(coordinator_client, "/admin/time-bank/members/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert "ბერიძე" in rows[1] and "nino@example.org" in rows[1]

    xlsx = export(coordinator_client, "/admin/time-bank/members/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert "nino@example.org" in [
        c for row in sheet.iter_rows(values_only=True) for c in row
    ]

    comms = UserFactory(username="comms", role=COMMUNICATIONS_STAFF)
    client.force_login(comms)
    assert client.get("/admin/time-bank/members/?export=csv").status_code in (302, 403)
    client.logout()
    anonymous = client.get("/admin/time-bank/members/?export=csv")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous.url


def test_a_formula_in_a_member_field_is_exported_as_text(coordinator_client):
    MemberFactory(first_name='=HYPERLINK("http://x")')
    response = export(coordinator_client, "/admin/time-bank/members/?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text


def test_coordinators_cannot_touch_other_apps(coordinator_client):
    assert coordinator_client.get(
        "/admin/snippets/initiatives/initiative/"
    ).status_code in (302, 403)


def test_coordinators_see_both_contacts_of_a_relayed_message(coordinator_client):
    from timebank.factories import ListingFactory
    from timebank.models import RelayedMessage, Response

    owner = MemberFactory(email="", email_confirmed_at=None, phone="+995 577 10 20 30")
    answering = MemberFactory(email="answer@example.org")
    response = Response.objects.create(
        listing=ListingFactory(member=owner), member=answering
    )
    message = RelayedMessage.objects.create(
        response=response, sender=answering, body="შემიძლია დაგეხმაროთ"
    )
    listing = coordinator_client.get("/admin/time-bank/messages/?delivered=false")
    assert "შემიძლია დაგეხმაროთ" in listing.content.decode()
    page = coordinator_client.get(f"/admin/time-bank/messages/inspect/{message.pk}/")
    text = page.content.decode()
    assert "+995 577 10 20 30" in text and "answer@example.org" in text


def test_changing_an_address_in_the_admin_unconfirms_it(coordinator_client, nino):
    from timebank.admin_forms import MemberAdminForm

    data = {
        name: getattr(nino, name)
        for name in MemberAdminForm.Meta.fields
        if name not in ("offer_categories", "need_categories", "municipality")
    }
    data.update(municipality=nino.municipality_id, email="new@example.org")
    coordinator_client.post(f"/admin/time-bank/members/edit/{nino.pk}/", data)
    nino.refresh_from_db()
    assert nino.email == "new@example.org" and nino.email_confirmed_at is None
