"""Two-step sign-in (TOTP): offered to staff, required of administrators."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP = "/admin/two-step/setup/"
VERIFY = "/admin/two-step/"
WRONG_CODE = "კოდი არასწორია"


def current_code(device):
    device.refresh_from_db()
    return TOTP(device.bin_key, device.step, device.t0, device.digits).token()


def wrong_code(device):
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


@pytest.fixture
def required(settings):
    settings.HUB_REQUIRE_2FA_FOR_ADMINS = True


@pytest.fixture
def admin_device(admin_user):
    return TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)


@pytest.mark.django_db
def test_an_administrator_without_a_device_is_sent_to_set_one_up(
    required, admin_client
):
    response = admin_client.get("/admin/")

    assert response.status_code == 302
    assert response.url == f"{SETUP}?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_setting_up_needs_a_right_code_then_opens_the_admin(
    required, admin_client, settings
):
    # No pause after the wrong code (django-otp's throttling is not under test).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    page = admin_client.get(SETUP)
    assert page.status_code == 200
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(confirmed=False)

    wrong = admin_client.post(SETUP, {"token": wrong_code(device), "next": "/admin/"})
    assert wrong.status_code == 200
    assert admin_client.get("/admin/").status_code == 302

    right = admin_client.post(SETUP, {"token": current_code(device), "next": "/admin/"})
    assert right.status_code == 302
    assert right.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert admin_client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_with_a_device_the_admin_asks_for_a_valid_code(
    required, admin_client, admin_device
):
    assert admin_client.get("/admin/").url == f"{VERIFY}?next=%2Fadmin%2F"

    response = admin_client.post(
        VERIFY, {"token": current_code(admin_device), "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response.url == "/admin/"
    assert admin_client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_in_georgian(required, admin_client, admin_device):
    response = admin_client.post(
        VERIFY, {"token": wrong_code(admin_device), "next": "/admin/"}
    )

    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    assert admin_client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_an_unverified_session_cannot_remove_the_device(admin_client, admin_device):
    response = admin_client.post(SETUP, {"remove": "1"})

    assert response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(pk=admin_device.pk).exists()


@pytest.mark.django_db
def test_staff_may_do_without_but_once_set_up_are_asked_for_the_code(
    required, comms_client, comms_user
):
    assert comms_client.get("/admin/").status_code == 200

    TOTPDevice.objects.create(user=comms_user, name="phone", confirmed=True)

    assert comms_client.get("/admin/").url == f"{VERIFY}?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_outside_production_administrators_may_do_without(admin_client):
    assert admin_client.get("/admin/").status_code == 200
