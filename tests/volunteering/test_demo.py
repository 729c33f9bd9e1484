"""Volunteering's demo: opportunities of the directory's organizations across
the municipalities, sign-ups, confirmed hours, some credited to the time bank."""

import pytest
from django.db.models import Sum
from django.test import Client

from directory import demo as directory_demo
from hub import demo as hub_demo
from timebank import demo as timebank_demo
from timebank.models import Movement, Transfer
from volunteering import demo
from volunteering.models import Opportunity, SignUp

pytestmark = pytest.mark.django_db


def test_the_demo_volunteering(home_pages):
    hub_demo.build()
    directory_demo.build()
    timebank_demo.build()
    demo.build()

    opportunities = Opportunity.objects.all()
    assert 24 <= opportunities.count() <= 26
    assert opportunities.filter(status="submitted").count() == 1
    assert set(opportunities.values_list("language", flat=True)) == {"ka", "en"}
    assert opportunities.exclude(municipality=None).values("municipality").distinct(
    ).count() == 8  # fmt: skip
    assert opportunities.filter(description__contains="ფორუმ").exists()
    assert SignUp.objects.count() >= 25
    assert SignUp.objects.filter(certificate_code__isnull=False).count() >= 5
    credited = SignUp.objects.exclude(time_bank_transfer=None)
    assert credited.count() >= 3
    assert Transfer.objects.filter(source_key__startswith="volunteering.").count() == (
        credited.count()
    )
    assert Movement.objects.aggregate(total=Sum("amount"))["total"] == 0
    demo.build()  # a second run adds nothing
    assert Opportunity.objects.count() == opportunities.count()
    assert Client().get("/volunteering/").status_code == 200
