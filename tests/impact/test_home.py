"""The home page's figures come from the impact computation, through the
`impact` template tag, cached and refreshed when the data change."""

import pytest
from bs4 import BeautifulSoup

from consultations.factories import CaseFactory, assign, session
from tests.impact.conftest import event

pytestmark = pytest.mark.django_db


def home_figures(client, url="/en/"):
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return {
        item["data-figure"]: int(item.strong.text)
        for item in page.select(".figures--computed [data-figure]")
    }


def test_the_home_page_shows_the_computed_figures_with_the_reports(client, impact_data):
    response = client.get("/en/")
    figures = home_figures(client)

    assert figures["meetings"] == 2
    assert figures["participants"] == 62
    assert figures["consultations_given"] == 2
    assert figures["organizations"] == 3
    assert figures["initiatives_accepted"] == 2
    assert figures["timebank_members"] == 2
    assert "The hub's results report: about 100" in response.content.decode()
    assert 'href="/en/impact/"' in response.content.decode()


def test_the_figures_refresh_when_an_event_is_published(client, event_index):
    assert home_figures(client)["participants"] == 0
    assert home_figures(client)["participants"] == 0  # now cached

    event(event_index, 2, participants_count=45)

    assert home_figures(client)["participants"] == 45


def test_the_figures_refresh_when_a_consultation_is_given(client, event_index):
    case = assign(CaseFactory())
    assert home_figures(client)["consultations_given"] == 0

    session(case)

    assert home_figures(client)["consultations_given"] == 1


def test_the_figures_refresh_when_an_event_is_unpublished(client, event_index):
    page = event(event_index, 2, participants_count=45)
    assert home_figures(client, "/")["participants"] == 45

    page.unpublish()

    assert home_figures(client, "/")["participants"] == 0
