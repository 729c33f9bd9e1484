"""A member downloads their data and can have it deleted; the ledger still sums."""

import json

import pytest
from django.db.models import Sum

from timebank import ledger
from timebank.factories import ListingFactory, exchange
from timebank.models import Member, Movement, RelayedMessage, Response

from .conftest import sign_in
from .helpers import key

pytestmark = pytest.mark.django_db


def test_a_member_downloads_everything_kept_about_them(client, nino, giorgi):
    exchange(helper=nino, helped=giorgi, minutes=60, description="ბაღის მორწყვა")
    ListingFactory(member=nino, title="ბაღის მორწყვა")
    sign_in(client, nino)

    response = client.get("/time-bank/me/data.json")

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["member"]["surname"] == "ბერიძე"
    assert data["member"]["email"] == "nino@example.org"
    assert data["account"]["balance_minutes"] == 60
    assert data["movements"][0]["what_for"] == "ბაღის მორწყვა"
    assert data["offers_and_requests"][0]["title"] == "ბაღის მორწყვა"
    assert "კაპანაძე" not in response.content.decode()  # not the other member's


def test_leaving_deletes_personal_data_and_keeps_the_movements(client, nino, giorgi):
    exchange(helper=nino, helped=giorgi, minutes=90)
    listing = ListingFactory(member=giorgi)
    response = Response.objects.create(listing=listing, member=nino)
    RelayedMessage.objects.create(response=response, sender=nino, body="ჩემი ნომერი")
    ListingFactory(member=nino, title="ჩემი შეთავაზება")
    sign_in(client, nino)
    client.post("/time-bank/me/leave/", {"submission_key": key()})  # not ticked
    nino.refresh_from_db()
    assert nino.status == Member.Status.APPROVED

    page = client.post(
        "/time-bank/me/leave/", {"confirm": "on", "submission_key": key()}
    )

    assert "წაშლილია" in page.content.decode()
    nino.refresh_from_db()
    assert nino.status == Member.Status.LEFT
    for field in ("first_name", "last_name", "phone", "email", "village"):
        assert getattr(nino, field) == ""
    assert nino.public_name == "" and nino.user is None
    assert not nino.listings.exists()
    assert not RelayedMessage.objects.filter(sender=nino).exists()
    assert ledger.balance(nino.account) == 90
    assert Movement.objects.aggregate(t=Sum("amount"))["t"] == 0
    assert client.get("/time-bank/me/").status_code == 302  # signed out

    sign_in(client, giorgi)
    statement = client.get("/time-bank/me/statement/").content.decode()
    assert "ყოფილი წევრი" in statement and "ნინო" not in statement
