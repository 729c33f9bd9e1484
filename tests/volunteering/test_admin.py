"""Staff in the admin: decline with a reason, field changes, hours entered by
staff (credited, recorded by them), and who may not publish."""

import pytest
from django.test import Client

from hub.factories import UserFactory
from hub.roles import MODERATORS
from timebank import ledger
from volunteering.factories import SignUpFactory
from volunteering.models import Opportunity

from .conftest import CONTACT_EMAIL, in_days, mail_to

pytestmark = pytest.mark.django_db


def test_decline_tells_the_poster(staff_client, opportunity):
    Opportunity.objects.filter(pk=opportunity.pk).update(status="submitted")
    response = staff_client.post(
        f"/admin/volunteering/opportunities/decline/{opportunity.pk}/",
        {"reason": "ორგანიზაცია ცნობარში არ არის."},
    )
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == "declined"
    [message] = mail_to(CONTACT_EMAIL)
    assert "ორგანიზაცია ცნობარში არ არის." in message.body


def test_field_changes_of_an_opportunity(staff_client, opportunity):
    opportunity.title = "ახალი სათაური"
    opportunity.save()
    page = staff_client.get(
        f"/admin/volunteering/opportunities/changes/{opportunity.pk}/"
    )
    assert page.status_code == 200 and "ახალი სათაური" in page.content.decode()


def test_staff_confirm_hours_credited_in_their_name(
    staff_client, staff, opportunity, member
):
    Opportunity.objects.filter(pk=opportunity.pk).update(starts_on=in_days(0))
    sign_up = SignUpFactory(
        opportunity=opportunity,
        email=member.email,
        email_confirmed_at=member.email_confirmed_at,
        credit_to_time_bank=True,
    )
    response = staff_client.post(
        f"/admin/volunteering/sign-ups/hours/{sign_up.pk}/",
        {"attended": "on", "hours": "2", "minutes": "15"},
    )
    assert response.status_code == 302
    sign_up.refresh_from_db()
    assert sign_up.minutes == 135
    assert sign_up.time_bank_transfer.recorded_by == staff
    assert ledger.balance(member.account) == 135
    changes = staff_client.get(f"/admin/volunteering/sign-ups/changes/{sign_up.pk}/")
    assert changes.status_code == 200


def test_a_moderator_cannot_publish(opportunity):
    Opportunity.objects.filter(pk=opportunity.pk).update(status="submitted")
    client = Client()
    client.force_login(UserFactory(username="m", role=MODERATORS))
    response = client.post(
        f"/admin/volunteering/opportunities/publish/{opportunity.pk}/"
    )
    assert response.status_code in (302, 403)
    opportunity.refresh_from_db()
    assert opportunity.status == "submitted"
