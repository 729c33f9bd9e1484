"""The listing's search box: every form of a word, in the database."""

import pytest

from timebank.factories import ListingFactory
from timebank.models import Listing

pytestmark = pytest.mark.django_db


def found(client, query):
    response = client.get("/time-bank/", {"q": query})
    assert response.status_code == 200
    return {listing.title for listing in response.context["listings"]}


@pytest.fixture
def listings(home_pages):
    ListingFactory(title="ვენახის გასხვლა", description="მარნეულის გზაზე.")
    ListingFactory(title="ინგლისურის გაკვეთილები", description="ბავშვებისთვის.")
    ListingFactory(title="Fence repairs", description="Tools of my own.")


@pytest.mark.parametrize(
    "query",
    [
        "ვენახის",  # as written
        "ვენახში",  # another case of the same word
        "ვენახი",
        "ᲕᲔᲜᲐᲮᲨᲘ",  # Mtavruli capitals
        "venakhshi",  # typed in Latin letters
        "ვენახში გასხვლა",  # every word must match
    ],
)
def test_every_form_of_a_word_finds_the_listing(client, listings, query):
    assert found(client, query) == {"ვენახის გასხვლა"}


def test_a_word_that_is_not_there_finds_nothing(client, listings):
    assert found(client, "ვენახში ფეხბურთი") == set()
    assert found(client, "ფეხბურთი") == set()


def test_english_stems_and_partial_text(client, listings):
    assert found(client, "repair") == {"Fence repairs"}
    assert found(client, "გლისურ") == {"ინგლისურის გაკვეთილები"}  # part of a word


def test_editing_a_listing_updates_its_terms(client, listings):
    listing = Listing.objects.get(title="Fence repairs")
    listing.title = "ღობის შეკეთება"
    listing.save(update_fields=["title"])
    assert found(client, "ღობე") == {"ღობის შეკეთება"}
    assert found(client, "repair") == set()
