"""How each result reads: its whole title with the matched words marked, an
excerpt around the match, and the visitor's language first."""

import re

import pytest
from django.utils.html import strip_tags

from directory.factories import OrganizationFactory
from home.factories import add_translation
from taxonomy.factories import municipality
from tests.search.conftest import standard_page
from timebank.factories import ListingFactory, MemberFactory

pytestmark = pytest.mark.django_db

LONG_NAME = "სიღნაღის, დედოფლისწყაროსა და საგარეჯოს მოხალისეთა ქსელი"
LONG_TEXT = (
    "ქსელი აერთიანებს ახალგაზრდებს, რომლებიც თავიანთ თემებში მუშაობენ. "
    + "ისინი ეხმარებიან ხანდაზმულებს, ასუფთავებენ პარკებს და აწყობენ შეხვედრებს. " * 4
    + "ყოველ გაზაფხულზე ქსელი მართავს დიდ ტალღოვან ფესტივალს სოფლებში. "
    + "ბოლოს, მოხალისეები ერთად აფასებენ წლის შედეგებს. " * 8
)


def search(client, q, language="ka", **params):
    url = "/search/" if language == "ka" else "/en/search/"
    return client.get(url, {"q": q, **params})


def titles(response):
    return [r.title for r in response.context["results"]]


def result_for(response, title):
    return next(r for r in response.context["results"] if r.title == title)


@pytest.fixture
def network(corpus):
    return OrganizationFactory(
        name=LONG_NAME,
        description=LONG_TEXT,
        municipalities=[municipality("sagarejo")],
    )


def test_a_long_title_is_shown_whole_with_the_match_marked(client, network):
    result = result_for(search(client, "ქსელი"), LONG_NAME)
    assert strip_tags(result.title_html) == LONG_NAME
    assert result.title_html.endswith("<mark>ქსელი</mark>")
    html = search(client, "ქსელი").content.decode()
    assert "სიღნაღის, დედოფლისწყაროსა და საგარეჯოს მოხალისეთა <mark>ქსელი" in html


def test_the_excerpt_is_cut_around_the_match_between_words(client, network):
    result = result_for(search(client, "ფესტივალი"), LONG_NAME)
    shown = strip_tags(result.excerpt)
    assert "<mark>ფესტივალს</mark>" in result.excerpt
    assert shown.startswith("… ") and shown.endswith(" …")
    # Every word shown is a whole word of the description.
    words = set(re.findall(r"\w+", LONG_TEXT))
    assert set(re.findall(r"\w+", shown)) <= words
    inner = shown[2:-2]
    assert inner in LONG_TEXT
    before = LONG_TEXT[: LONG_TEXT.index(inner)]
    assert before.endswith(" ")  # it starts at the beginning of a word


def test_a_result_with_a_translation_shows_in_the_visitors_language(client, corpus):
    # "sighnaghi" matches the English name and the Georgian one (transliterated).
    georgian = titles(search(client, "sighnaghi"))
    assert "სიღნაღის ახალგაზრდული ცენტრი" in georgian
    assert "Sighnaghi Youth Centre" not in georgian
    # Georgian words match the Georgian row only: the English visitor gets
    # its English translation instead.
    english = search(client, "ახალგაზრდული", language="en")
    assert "Sighnaghi Youth Centre" in titles(english)
    assert "სიღნაღის ახალგაზრდული ცენტრი" not in titles(english)
    youth = result_for(english, "Sighnaghi Youth Centre")
    assert youth.language == "en" and youth.language_note == ""
    assert f'href="/en/organizations/{corpus["youth_en"].slug}/"' in (
        english.content.decode()
    )


def test_a_translated_page_shows_in_the_visitors_language(client, corpus):
    home_ka = corpus["volunteering"].get_parent().specific
    page = standard_page(home_ka, "ბიბლიოთეკის დღე", lead="წიგნები ყველასთვის.")
    add_translation(page, title="Library day", lead="Books for everyone.")
    assert titles(search(client, "library")) == ["ბიბლიოთეკის დღე"]
    assert titles(search(client, "library", language="en")) == ["Library day"]


def test_the_other_language_only_without_translation_and_marked(client, corpus):
    georgian = search(client, "telavi")
    found = titles(georgian)
    # The English page has no Georgian translation: it is listed, after the
    # Georgian results, and says it is in English.
    assert found.index("მოხალისეობის კვირეული თელავში") < found.index(
        "Volunteering week in Telavi"
    )
    assert result_for(georgian, "Volunteering week in Telavi").language_note == (
        "in English"
    )
    assert result_for(georgian, "მოხალისეობის კვირეული თელავში").language_note == ""
    html = georgian.content.decode()
    assert '<span class="search-result__language">in English</span>' in html
    assert html.count('class="search-result__language"') == 1

    english = search(client, "telavi", language="en")
    note = result_for(english, "მოხალისეობის კვირეული თელავში").language_note
    assert note == "ქართულად"
    assert result_for(english, "Volunteering week in Telavi").language_note == ""


def test_a_kind_the_search_app_does_not_name_is_found(client, corpus):
    """The time bank declares its kind (hub.searchable); the search app never
    names it, and finds it, without its member's name or contact details."""
    member = MemberFactory(
        first_name="Zqxmembername", last_name="Zqxsurname", phone="+995 599 000 111"
    )
    listing = ListingFactory(
        member=member,
        title="ვენახის გასხვლა ყვარელში",
        description="გაზაფხულზე ვენახის გასხვლაში დაგეხმარებით.",
        municipality=municipality("kvareli"),
    )
    response = search(client, "გასხვლა", type="time-bank")
    assert titles(response) == [listing.title]
    assert response.context["results"][0].kind == "time-bank"
    html = response.content.decode()
    assert f'href="{listing.get_absolute_url()}"' in html
    for private in ("Zqxmembername", "Zqxsurname", "599 000 111"):
        assert private not in html
    assert titles(search(client, "Zqxmembername")) == []
    # The municipality filter of its declaration applies.
    assert titles(search(client, "გასხვლა", municipality="kvareli")) == [listing.title]
    assert titles(search(client, "გასხვლა", municipality="telavi")) == []
