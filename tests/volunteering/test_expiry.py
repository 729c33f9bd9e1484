"""Opportunities leave the listing on their deadline with no manual step;
sign-ups after it are refused with a clear message."""

import pytest
from django.test import Client

from volunteering.factories import OpportunityFactory
from volunteering.models import SignUp

from .conftest import in_days, sign_up_data

pytestmark = pytest.mark.django_db


def test_the_deadline_closes_the_opportunity(home_pages):
    today = OpportunityFactory(title="ბოლო დღე დღესაა", deadline=in_days(0))
    past = OpportunityFactory(title="ვადა გუშინ გავიდა", deadline=in_days(-1),
                              starts_on=in_days(1), ends_on=None)  # fmt: skip
    client = Client()
    listing = client.get("/volunteering/").content.decode()
    assert today.title in listing and past.title not in listing
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/volunteering/{today.pk}/" in sitemap
    assert f"/volunteering/{past.pk}/" not in sitemap

    page = client.get(f"/volunteering/{past.pk}/")
    assert page.status_code == 200 and page.context["form"] is not None
    assert not page.context["opportunity"].is_open
    response = client.post(f"/volunteering/{past.pk}/", sign_up_data())
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not SignUp.objects.exists()

    assert client.post(f"/volunteering/{today.pk}/", sign_up_data()).status_code == 302
    assert SignUp.objects.filter(opportunity=today).count() == 1


def test_unpublished_opportunities_are_not_found(home_pages):
    submitted = OpportunityFactory(status="submitted")
    declined = OpportunityFactory(status="declined")
    for opportunity in (submitted, declined):
        assert Client().get(f"/volunteering/{opportunity.pk}/").status_code == 404
        response = Client().post(f"/volunteering/{opportunity.pk}/", sign_up_data())
        assert response.status_code == 404
    assert not SignUp.objects.exists()
