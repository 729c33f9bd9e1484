"""The public directory page and an organization's page, as visitors see them."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from directory.factories import OrganizationFactory, translate
from directory.models import Organization
from tests.query_bounds import PUBLIC_PAGE_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizations(home_pages):
    # Every searched text set here: a factory-made address ("… ქ. 1") changes
    # with the tests that ran before, and would match a search for "1".
    return {
        "youth": OrganizationFactory(
            name="თელავის ახალგაზრდული ცენტრი",
            slug="telavi-youth",
            municipalities=["telavi"],
            fields_of_work=["youth"],
            legal_form=Organization.LegalForm.NNLE,
            description="მოხალისეთა ჩართულობა და არაფორმალური განათლება.",
            address="თელავი, ერეკლე II-ის ქ. 7",
            target_groups="ახალგაზრდები",
        ),
        "farmers": OrganizationFactory(
            name="ლაგოდეხის ფერმერთა კავშირი",
            slug="lagodekhi-farmers",
            municipalities=["lagodekhi"],
            fields_of_work=["agriculture"],
            legal_form=Organization.LegalForm.UNION,
            description="სოფლის მეურნეობის კონსულტაციები.",
            address="ლაგოდეხი, ჭავჭავაძის ქ. 5",
            target_groups="ფერმერები",
        ),
        "greens": OrganizationFactory(
            name="ყვარლის მწვანე ალიანსი",
            slug="kvareli-greens",
            municipalities=["kvareli", "telavi"],
            fields_of_work=["environment"],
            legal_form=Organization.LegalForm.FOUNDATION,
            description="ტყეების დაცვა და გარემოსდაცვითი განათლება.",
            address="ყვარელი, ჭავჭავაძის ქ. 3",
            target_groups="სტუდენტები",
            is_sample=True,
        ),
    }


def names_on(response):
    return [organization.name for organization in response.context["organizations"]]


def directory(client, language="ka", **params):
    with translation.override(language):
        url = reverse("directory:index")
    return client.get(url, params)


def test_georgian_directory_lists_live_organizations_only(client, organizations):
    OrganizationFactory(name="დრაფტი ორგანიზაცია", slug="draft", live=False)
    response = directory(client)
    assert response.status_code == 200
    assert reverse("directory:index") == "/organizations/"
    assert sorted(names_on(response)) == sorted(o.name for o in organizations.values())
    assert "დრაფტი ორგანიზაცია" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"municipality": "telavi"}, {"youth", "greens"}),
        ({"municipality": "lagodekhi"}, {"farmers"}),
        ({"topic": "environment"}, {"greens"}),
        ({"legal_form": "union"}, {"farmers"}),
        ({"municipality": "telavi", "topic": "youth"}, {"youth"}),
        ({"municipality": "sagarejo"}, set()),
    ],
)
def test_filters(client, organizations, params, expected):
    response = directory(client, **params)
    assert response.status_code == 200
    assert set(names_on(response)) == {organizations[key].name for key in expected}


@pytest.mark.parametrize(
    "query",
    [
        "ფერმერთა",  # a whole Georgian word
        "ფერმერ",  # a part of it
        "ლაგოდეხის ფერმერთა",
        "კონსულტაცი",  # part of a word of the description
    ],
)
def test_search_finds_a_georgian_word_and_a_part_of_it(
    client, organizations, search_index, query
):
    response = directory(client, q=query)
    assert names_on(response) == [organizations["farmers"].name]


def test_search_combines_with_filters_and_finds_nothing_gracefully(
    client, organizations, search_index
):
    assert names_on(directory(client, q="ცენტრი", municipality="telavi")) == [
        organizations["youth"].name
    ]
    response = directory(client, q="ცენტრი", municipality="lagodekhi")
    assert names_on(response) == []
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"municipality": "atlantis"},
        {"topic": "<script>"},
        {"legal_form": "corporation"},
        {"q": "x" * 500},
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(client, organizations, params):
    response = directory(client, **params)
    assert response.status_code == 200
    assert response.context["filter_errors"]


EVERYONE = {"youth", "farmers", "greens"}


@pytest.mark.parametrize(
    "params, listed",
    [
        ({"q": "' OR 1=1 --"}, set()),  # no injection: nothing has these words
        ({"q": '"(*&^%$#@! AND OR NOT'}, set()),
        ({"q": "   "}, EVERYONE),  # a blank search is no search
        ({"municipality": ["telavi", "kvareli"]}, {"greens"}),  # the last one
        ({"unknown": "parameter"}, EVERYONE),  # ignored
    ],
)
def test_odd_input_is_read_sensibly(
    client, organizations, search_index, params, listed
):
    response = directory(client, **params)
    assert response.status_code == 200
    assert not response.context["filter_errors"]
    assert set(names_on(response)) == {organizations[key].name for key in listed}


def test_unknown_filter_value_is_explained_in_georgian(client, organizations):
    content = directory(client, municipality="atlantis").content.decode()
    message = "Some filters were not understood and have been ignored."
    with translation.override("ka"):
        georgian = gettext(message + " Please choose them again from the lists.")
    assert georgian != message and georgian in content
    assert "<script>" not in directory(client, topic="<script>").content.decode()


def test_pagination_and_bad_pages(client, home_pages):
    for _ in range(23):
        OrganizationFactory()
    first = directory(client)
    second = directory(client, page=2)
    assert len(first.context["organizations"]) == 20
    assert len(second.context["organizations"]) == 3
    assert not set(names_on(first)) & set(names_on(second))
    assert 'rel="next"' in first.content.decode()
    for page in ("3", "0", "-1", "abc", "1.5", "9" * 30):
        assert directory(client, page=page).status_code == 404


def test_pagination_keeps_the_filters(client, home_pages):
    for _ in range(25):
        OrganizationFactory(municipalities=["gurjaani"])
    content = directory(client, municipality="gurjaani").content.decode()
    assert "?municipality=gurjaani&amp;page=2" in content


def test_counts_per_municipality_and_map(client, organizations):
    response = directory(client)
    counts = {m.slug: m.organization_count for m in response.context["municipalities"]}
    assert counts == {
        "telavi": 2,
        "kvareli": 1,
        "lagodekhi": 1,
        "gurjaani": 0,
        "sighnaghi": 0,
        "dedoplistskaro": 0,
        "akhmeta": 0,
        "sagarejo": 0,
    }
    content = response.content.decode()
    assert content.count("<polygon") == 8
    assert "<title>თელავი: 2 ორგანიზაცია</title>" in content
    assert 'href="/organizations/?municipality=telavi"' in content


def test_sample_data_badge(client, organizations):
    content = directory(client).content.decode()
    assert content.count('class="badge badge--sample"') == 1


def test_english_directory_falls_back_to_georgian_rows(client, organizations):
    translate(
        organizations["youth"], name="Telavi Youth Centre", slug="telavi-youth-en"
    )
    response = directory(client, "en")
    assert response.wsgi_request.path == "/en/organizations/"
    names = names_on(response)
    assert "Telavi Youth Centre" in names
    assert organizations["youth"].name not in names  # its translation replaces it
    assert organizations["farmers"].name in names  # not translated: Georgian row
    assert len(names) == 3
    counts = {m.slug: m.organization_count for m in response.context["municipalities"]}
    assert counts["telavi"] == 2
    assert 'lang="ka"' in response.content.decode()


def test_english_directory_searches_and_filters_the_fallback_too(
    client, organizations, search_index
):
    translate(
        organizations["youth"], name="Telavi Youth Centre", slug="telavi-youth-en"
    )
    assert names_on(directory(client, "en", q="Youth")) == ["Telavi Youth Centre"]
    assert names_on(directory(client, "en", municipality="lagodekhi")) == [
        organizations["farmers"].name
    ]


def test_detail_page_shows_public_data(client, organizations):
    organization = organizations["youth"]
    response = client.get(reverse("directory:detail", args=[organization.slug]))
    assert response.status_code == 200
    content = response.content.decode()
    for value in (
        organization.name,
        organization.email,
        organization.phone,
        organization.website,
        organization.identification_code,
        "თელავი",
        organization.data_confirmed_on.strftime("%Y-%m-%d"),
    ):
        assert value in content


def test_detail_of_draft_or_unknown_organization_is_404(client, organizations):
    OrganizationFactory(slug="a-draft", live=False)
    assert client.get("/organizations/a-draft/").status_code == 404
    assert client.get("/organizations/no-such-thing/").status_code == 404
    assert client.get("/en/organizations/no-such-thing/").status_code == 404


def test_detail_in_english_redirects_to_the_english_slug(client, organizations):
    translate(
        organizations["youth"], name="Telavi Youth Centre", slug="telavi-youth-en"
    )
    response = client.get("/en/organizations/telavi-youth/")
    assert response.status_code == 302
    assert response["Location"] == "/en/organizations/telavi-youth-en/"
    english = client.get("/en/organizations/telavi-youth-en/")
    assert "Telavi Youth Centre" in english.content.decode()
    # Not translated yet: the Georgian entry, marked as such.
    fallback = client.get("/en/organizations/lagodekhi-farmers/")
    assert fallback.status_code == 200
    assert "shown in Georgian" in fallback.content.decode()


def test_detail_lists_published_initiatives_it_supports(client, organizations):
    from initiatives.factories import InitiativeFactory, accepted

    organization = organizations["youth"]
    published = accepted(title="სკვერის აღდგენა", supporting_organization=organization)
    InitiativeFactory(
        title="დაუდასტურებელი ინიციატივა", supporting_organization=organization
    )
    content = client.get(f"/organizations/{organization.slug}/").content.decode()
    assert published.title in content
    assert "დაუდასტურებელი ინიციატივა" not in content


def linked_news(home, organization, count=1, **fields):
    from home.factories import (
        NewsPageFactory,
        name_organizations,
        news_and_event_pages,
    )

    news_index, _ = news_and_event_pages(home)
    pages = []
    for _ in range(count):
        page = NewsPageFactory(parent=news_index, **fields)
        name_organizations(page, [organization])
        page.save_revision().publish()
        pages.append(page)
    return pages


def test_detail_lists_live_news_and_events_that_name_it(
    client, organizations, home_pages
):
    from home.factories import (
        EventPageFactory,
        name_organizations,
        news_and_event_pages,
    )

    organization = organizations["youth"]
    [news] = linked_news(home_pages["ka"], organization, title="ახალგაზრდული ფორუმი")
    [draft] = linked_news(home_pages["ka"], organization, title="დაუმთავრებელი")
    draft.unpublish()
    linked_news(home_pages["ka"], organizations["farmers"], title="სხვისი სიახლე")
    _, event_index = news_and_event_pages(home_pages["ka"])
    event = EventPageFactory(parent=event_index, title="მოხალისეთა შეხვედრა")
    name_organizations(event, [organization])
    event.save_revision().publish()
    content = client.get(f"/organizations/{organization.slug}/").content.decode()
    assert news.title in content and news.url in content
    assert event.title in content
    assert "დაუმთავრებელი" not in content
    assert "სხვისი სიახლე" not in content


def test_english_detail_shows_english_news_of_the_georgian_row(
    client, organizations, home_pages
):
    from home.factories import add_translation, news_and_event_pages

    organization = organizations["youth"]
    translate(organization, name="Telavi Youth Centre", slug="telavi-youth-en")
    news_index, _ = news_and_event_pages(home_pages["ka"])
    add_translation(news_index, title="News")
    [news] = linked_news(home_pages["ka"], organization, title="ახალგაზრდული ფორუმი")
    add_translation(news, title="Youth forum")
    linked_news(home_pages["ka"], organization, title="მხოლოდ ქართულად")
    content = client.get("/en/organizations/telavi-youth-en/").content.decode()
    assert "Youth forum" in content
    assert "ახალგაზრდული ფორუმი" not in content  # its translation replaces it
    assert "მხოლოდ ქართულად" in content  # not translated: the Georgian page


@pytest.mark.parametrize("count", [1, 8])
def test_detail_page_query_count_is_constant_with_linked_content(
    client, organizations, home_pages, django_assert_max_num_queries, count
):
    organization = organizations["youth"]
    linked_news(home_pages["ka"], organization, count=count)
    url = f"/organizations/{organization.slug}/"
    client.get(url)
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
        response = client.get(url)
    assert len(response.context["news"]) == count
