"""The demo gives the impact page real computed figures: past events with
attendance reports across the municipalities and the years."""

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Locale

from home.models import EventPage
from impact.demo import EVENT_COUNT, SLUG_PREFIX
from tests.impact.conftest import IMPACT_URL_EN, figures_of


@pytest.mark.django_db
def test_the_demo_fills_the_impact_page(client):
    call_command("load_demo_data")

    response = client.get(IMPACT_URL_EN)

    assert response.status_code == 200
    figures = figures_of(response)
    demo_events = EventPage.objects.filter(
        slug__startswith=SLUG_PREFIX, locale=Locale.get_default()
    )
    assert demo_events.count() == EVENT_COUNT
    held = EventPage.objects.live().filter(
        locale=Locale.get_default(), start__lte=timezone.now()
    )
    assert figures["participants"] == held.aggregate(s=Sum("participants_count"))["s"]
    assert figures["participants"] > 500
    assert figures["meetings"] >= 8
    assert figures["consultations_given"] > 0
    assert figures["organizations"] > 0
    years = {
        row[0]
        for row in next(
            table
            for _section, tables in response.context["sections"]
            for table, _chart in tables
            if table.key == "participants-by-year"
        ).rows
    }
    assert len(years) >= 2
