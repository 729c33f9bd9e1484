"""Brute force on the admin's sign-in: the account and the address lock out."""

import pytest

from hub.factories import UserFactory
from hub.roles import COMMUNICATIONS_STAFF

LOCKED_OUT = "შესვლა დროებით დაბლოკილია"
ATTACKER = "203.0.113.5"


def sign_in(client, username, password, address):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def other_user(db):
    return UserFactory(username="other-staff", role=COMMUNICATIONS_STAFF)


@pytest.mark.django_db
def test_four_wrong_passwords_still_let_the_right_one_in(client, admin_user, password):
    for _ in range(4):
        assert (
            sign_in(client, admin_user.username, "wrong", ATTACKER).status_code == 200
        )

    response = sign_in(client, admin_user.username, password, ATTACKER)

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_after_five_wrong_passwords_the_right_one_is_refused_in_georgian(
    client, admin_user, password
):
    for _ in range(5):
        sign_in(client, admin_user.username, "wrong", ATTACKER)

    response = sign_in(client, admin_user.username, password, ATTACKER)

    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert not signed_in(client)


@pytest.mark.django_db
def test_a_locked_account_is_refused_from_any_address(client, admin_user, password):
    for _ in range(5):
        sign_in(client, admin_user.username, "wrong", ATTACKER)

    response = sign_in(client, admin_user.username, password, "198.51.100.20")

    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_another_account_from_another_address_is_unaffected(
    client, admin_user, other_user, password
):
    for _ in range(6):
        sign_in(client, admin_user.username, "wrong", ATTACKER)

    response = sign_in(client, other_user.username, password, "198.51.100.30")

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_an_address_guessing_many_accounts_is_locked_out(
    client, admin_user, other_user, password
):
    for n in range(5):
        sign_in(client, f"guess{n}", "wrong", ATTACKER)

    from_attacker = sign_in(client, other_user.username, password, ATTACKER)
    elsewhere = sign_in(client, other_user.username, password, "198.51.100.40")

    assert from_attacker.status_code == 429
    assert LOCKED_OUT in from_attacker.content.decode()
    assert elsewhere.status_code == 302
