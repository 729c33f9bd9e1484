"""Members sign in with one-time links (django-sesame): single-use, expiring,
scoped to the time bank, and the form tells nobody who is a member."""

import datetime

import pytest
from django.core import mail
from django.test import Client

from timebank.factories import MemberFactory
from timebank.models import Member
from timebank.signin import sign_in_url

from .helpers import follow_sign_in_link, key, link_in

pytestmark = pytest.mark.django_db


def ask_for_link(client, email):
    return client.post("/time-bank/sign-in/", {"email": email, "submission_key": key()})


def test_a_member_gets_a_link_that_signs_in_once(client, nino):
    response = ask_for_link(client, "NINO@example.org ")
    assert response.url == "/time-bank/sign-in/sent/"
    [message] = mail.outbox
    path = link_in(message, "/time-bank/sign-in/link/")

    # Opening the link (as a mail scanner would) does not use it up.
    assert client.get(path).status_code == 200
    assert client.get(path).status_code == 200
    signed_in = follow_sign_in_link(client, path)
    assert signed_in.url == "/time-bank/me/"
    assert "ნინო ბ." in client.get("/time-bank/me/").content.decode()

    again = follow_sign_in_link(Client(), path)
    assert again.status_code == 400
    assert "უკვე გამოყენებულია" in again.content.decode()


def test_unknown_pending_and_unconfirmed_addresses_get_the_same_answer(client):
    MemberFactory(email="pending@example.org", status=Member.Status.PENDING)
    MemberFactory(email="unconfirmed@example.org", email_confirmed_at=None)
    answers = {
        ask_for_link(client, address).url
        for address in (
            "nobody@example.org",
            "pending@example.org",
            "unconfirmed@example.org",
        )
    }
    assert answers == {"/time-bank/sign-in/sent/"}
    assert mail.outbox == []


def test_a_link_expires(client, nino, settings):
    path = sign_in_url(nino).split("testserver", 1)[1]
    import sesame.settings as sesame_settings

    settings.SESAME_MAX_AGE = datetime.timedelta(seconds=-1)
    sesame_settings.load()
    try:
        assert follow_sign_in_link(client, path).status_code == 400
    finally:
        settings.SESAME_MAX_AGE = 24 * 60 * 60
        sesame_settings.load()
    assert "/time-bank/me/" in client.get("/time-bank/me/").url  # not signed in


def test_a_tampered_link_and_a_member_who_left_are_refused(client, nino):
    path = sign_in_url(nino).split("testserver", 1)[1]
    page = client.get(path)
    token = page.context["token"]
    assert (
        client.post(
            "/time-bank/sign-in/link/", {"sesame": token[:-2] + "AA"}
        ).status_code
        == 400
    )
    nino.status = Member.Status.DECLINED
    nino.save()
    assert follow_sign_in_link(client, path).status_code == 400


def test_the_link_goes_back_only_to_this_site(client, nino):
    path = sign_in_url(nino, "https://evil.example/steal")
    path = path.split("testserver", 1)[1]
    assert follow_sign_in_link(client, path).url == "/time-bank/me/"


def test_member_pages_ask_to_sign_in(client):
    response = client.get("/time-bank/me/statement/")
    assert response.status_code == 302
    assert response.url.startswith("/time-bank/sign-in/?next=")


def test_a_staff_login_is_no_member(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/time-bank/me/").status_code == 302


def test_members_cannot_enter_the_admin(client, nino):
    from .conftest import sign_in

    sign_in(client, nino)
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/time-bank/members/").status_code == 302


def test_signing_out(client, nino):
    from .conftest import sign_in

    sign_in(client, nino)
    assert client.get("/time-bank/me/").status_code == 200
    client.post("/time-bank/sign-out/")
    assert client.get("/time-bank/me/").status_code == 302
