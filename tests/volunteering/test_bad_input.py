"""Bad input: errors in the visitor's language, never a 500, nothing half-saved,
and the spam guard of the other public forms."""

import pytest
from django.test import Client
from django.utils import translation

from timebank.models import Transfer
from volunteering import links
from volunteering.factories import SignUpFactory
from volunteering.models import Opportunity, SignUp

from .conftest import in_days, sign_up_data
from .test_journey import posting

pytestmark = pytest.mark.django_db


def test_an_empty_posting_explains_itself_in_georgian(organization, home_pages):
    response = Client().post("/volunteering/post/", {"submission_key": "x"})
    assert response.status_code == 200
    form = response.context["form"]
    assert {"organization", "title", "deadline", "consent"} <= set(form.errors)
    with translation.override("ka"):
        assert "აირჩიეთ თქვენი ორგანიზაცია" in str(form.errors["organization"])
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"deadline": "2020-01-01"}, "deadline"),
        ({"deadline": "not a date"}, "deadline"),
        ({"description": "დარეკეთ 599 12 34 56 ნომერზე"}, "description"),
        ({"municipality": "", "is_remote": ""}, "municipality"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"organization": "999999"}, "organization"),
    ],
)
def test_bad_postings_are_refused(organization, home_pages, changes, field):
    response = Client().post("/volunteering/post/", posting(organization, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Opportunity.objects.exists()


def test_bots_and_double_clicks(organization, opportunity, home_pages):
    client = Client()
    bot = client.post("/volunteering/post/", posting(organization, homepage="x"))
    assert (
        bot.status_code == 302
        and not Opportunity.objects.filter(status="submitted").exists()
    )
    data = posting(organization)
    client.post("/volunteering/post/", data)
    client.post("/volunteering/post/", data)
    assert Opportunity.objects.filter(status="submitted").count() == 1

    bot = client.post(f"/volunteering/{opportunity.pk}/", sign_up_data(homepage="x"))
    assert bot.status_code == 302 and not SignUp.objects.exists()
    data = sign_up_data()
    client.post(f"/volunteering/{opportunity.pk}/", data)
    client.post(f"/volunteering/{opportunity.pk}/", data)
    assert SignUp.objects.count() == 1


def test_sign_up_needs_a_way_to_reach_the_volunteer(opportunity, home_pages):
    response = Client().post(
        f"/volunteering/{opportunity.pk}/", sign_up_data(email="", phone="")
    )
    assert response.status_code == 200 and "email" in response.context["form"].errors
    response = Client().post(
        f"/volunteering/{opportunity.pk}/", sign_up_data(phone="call me", consent="")
    )
    assert {"phone", "consent"} <= set(response.context["form"].errors)
    assert not SignUp.objects.exists()


def test_rate_limit(opportunity, home_pages, settings):
    settings.VOLUNTEERING_SIGN_UP_RATE = "1/h"
    client = Client()
    first = client.post(f"/volunteering/{opportunity.pk}/", sign_up_data())
    assert first.status_code == 302
    second = client.post(
        f"/volunteering/{opportunity.pk}/",
        sign_up_data(email="other@example.org", phone=""),
    )
    assert second.status_code == 429 and SignUp.objects.count() == 1


def test_bad_links_and_filters(opportunity, home_pages):
    client = Client()
    assert client.get("/volunteering/organizer/forged-token/").status_code == 400
    assert client.get("/volunteering/certificate/forged/").status_code == 404
    assert client.get("/volunteering/confirm/forged/").status_code == 400
    sign_up = SignUpFactory(opportunity=opportunity)
    # A certificate link before any hours are confirmed shows nothing.
    assert client.get(links.certificate_path(sign_up)).status_code == 404
    # A changed organizer key invalidates the old link.
    old = links.organizer_path(opportunity)
    Opportunity.objects.filter(pk=opportunity.pk).update(organizer_key="new")
    assert client.get(old).status_code == 400
    response = client.get(
        "/volunteering/?municipality=nowhere&date=yesterday&topic=%00&young=maybe"
    )
    assert response.status_code in (200, 400)
    assert client.get("/volunteering/?page=99").status_code == 404


def test_bad_hours_save_nothing(opportunity, member, home_pages):
    Opportunity.objects.filter(pk=opportunity.pk).update(starts_on=in_days(0))
    good = SignUpFactory(opportunity=opportunity, email=member.email,
                         email_confirmed_at=member.email_confirmed_at,
                         credit_to_time_bank=True)  # fmt: skip
    bad = SignUpFactory(opportunity=opportunity)
    path = links.organizer_path(opportunity)
    response = Client().post(
        path,
        {f"s{good.pk}-attended": "on", f"s{good.pk}-hours": "2",
         f"s{bad.pk}-attended": "on", f"s{bad.pk}-hours": "-3"},
    )  # fmt: skip
    assert response.status_code == 400
    good.refresh_from_db()
    assert good.hours_confirmed_at is None and not Transfer.objects.exists()
    # Came, but no hours: explained, nothing saved.
    response = Client().post(path, {f"s{good.pk}-attended": "on"})
    assert response.status_code == 400
    assert not SignUp.objects.filter(hours_confirmed_at__isnull=False).exists()


def test_hours_before_the_activity_are_not_taken(opportunity, home_pages):
    sign_up = SignUpFactory(opportunity=opportunity)  # starts in 20 days
    path = links.organizer_path(opportunity)
    page = Client().get(path)
    assert page.status_code == 200 and not page.context["can_confirm"]
    Client().post(path, {f"s{sign_up.pk}-attended": "on", f"s{sign_up.pk}-hours": "2"})
    sign_up.refresh_from_db()
    assert sign_up.hours_confirmed_at is None
    assert in_days(0) < opportunity.starts_on
