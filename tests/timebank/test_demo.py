"""The time bank's demo: members everywhere, every category, a year of exchanges."""

import pytest
from django.db.models import Count, Sum

from hub import demo as hub_demo
from taxonomy.models import Municipality
from timebank import demo
from timebank.models import (
    Account,
    Category,
    Exchange,
    Listing,
    Member,
    Movement,
    Transfer,
)

pytestmark = pytest.mark.django_db


def test_the_demo_time_bank(client, home_pages):
    hub_demo.build()
    demo.build()

    approved = Member.objects.approved()
    assert 55 <= approved.count() <= 60
    assert set(approved.values_list("municipality", flat=True)) == set(
        Municipality.objects.values_list("pk", flat=True)
    )
    assert approved.filter(email="").exists()  # members served by phone
    assert Member.objects.filter(status=Member.Status.PENDING).count() == 5
    assert Member.objects.filter(status=Member.Status.LEFT).count() == 1
    for category in Category.objects.all():
        kinds = set(
            Listing.objects.filter(category=category, live=True).values_list(
                "kind", flat=True
            )
        )
        assert kinds == {"offer", "request"}, category
    exchanges = Transfer.objects.filter(kind=Transfer.Kind.EXCHANGE)
    assert 140 <= exchanges.count() <= 150
    assert exchanges.filter(channel="paper").exists()
    assert Transfer.objects.filter(kind=Transfer.Kind.REVERSAL).count() == 1
    assert Exchange.objects.filter(status=Exchange.Status.AWAITING).count() == 3
    assert Movement.objects.aggregate(t=Sum("amount"))["t"] == 0
    counts = Transfer.objects.annotate(n=Count("movements")).values_list("n", flat=True)
    assert set(counts) == {2}
    hub = Account.objects.hub()
    assert hub.movements.count() >= 60

    page = client.get("/time-bank/?category=garden").content.decode()
    assert "დახმარება რთველზე" in page
    assert client.get("/en/time-bank/?municipality=kvareli").status_code == 200
