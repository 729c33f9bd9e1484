"""Nothing of a case reaches anything public: pages, downloads, the API,
feeds, the sitemap, the search index. Positive controls show each check
looks where the data would be."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.db.models import Q
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from consultations import public_fields
from consultations.factories import (
    CaseFactory,
    assign,
    closed,
    document,
    note,
    session,
    with_feedback,
)
from consultations.models import Case
from directory.factories import OrganizationFactory

# These pages search: the search index is kept up to date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

# One unique marker per private value (Latin, so it is one token for search).
MARKERS = {
    "contact_name": "Zqxcontactname Beridze",
    "contact_email": "zqxcontact@private.example.org",
    "contact_phone": "+995 599 777 313",
    "question": "Zqxquestion ორგანიზაციის სადავო ქონება",
    "group_name": "Zqxgroupname ჯგუფი",
}
NOTE = "Zqxnote კონსულტანტის შენიშვნა"
SESSION = "Zqxsession შეხვედრის შეჯამება"
FEEDBACK = "Zqxfeedback შეფასების კომენტარი"
DOCUMENT_NAME = "Zqxdocument.pdf"
SECRETS = [*MARKERS.values(), NOTE, SESSION, FEEDBACK, DOCUMENT_NAME]
FRAGMENTS = [
    *SECRETS,
    "Zqxcontactname",
    "zqxcontact",
    "599 777 313",
    "Zqxquestion",
    "Zqxgroupname",
    "Zqxnote",
    "Zqxsession",
    "Zqxfeedback",
    "Zqxdocument",
]


@pytest.fixture
def cases(home_pages, consultant):
    organization = OrganizationFactory(
        name="ყვარლის ფერმერთა კავშირი",
        slug="kvareli-farmers",
        municipalities=["kvareli"],
    )
    of_organization = assign(
        CaseFactory(
            organization=organization,
            **{k: v for k, v in MARKERS.items() if k != "group_name"},
        ),
        consultant,
    )
    session(of_organization, summary=SESSION)
    note(of_organization, NOTE)
    document(of_organization, name=DOCUMENT_NAME)
    with_feedback(closed(of_organization), 5, FEEDBACK)
    of_group = CaseFactory(organization=None, group_name=MARKERS["group_name"])
    unconfirmed = CaseFactory(
        status=Case.Status.UNCONFIRMED, question=MARKERS["question"] + " 2"
    )
    return {"organization": of_organization, "group": of_group, "new": unconfirmed}


def assert_no_marker(content, where):
    text = content.decode("utf-8", errors="replace")
    # A search page repeats what was searched for: that is not a leak.
    for echoed in parse_qs(urlparse(where).query).get("q", []):
        text = text.replace(echoed, "")
    for fragment in FRAGMENTS:
        assert fragment not in text, f"{fragment!r} leaked into {where}"


PUBLIC_URLS = [
    "/",
    "/en/",
    "/organizations/",
    "/organizations/kvareli-farmers/",
    "/organizations/?q=Zqxquestion",
    "/organizations/propose/?organization=kvareli-farmers",
    "/api/v1/organizations/",
    "/api/v1/organizations/kvareli-farmers/",
    "/data/organizations.csv",
    "/data/organizations.json",
    "/initiatives/",
    "/data/initiatives.csv",
    "/search/?q=Zqxquestion",
    "/search/?q=Zqxnote",
    "/en/search/?q=zqxcontact",
    "/search/?q=ყვარლის",
    "/feeds/news.xml",
    "/sitemap.xml",
    "/consultations/request/",
    "/en/consultations/request/",
    "/consultations/request/sent/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_no_case_data_on_any_public_url(client, cases, url):
    response = client.get(url)

    assert response.status_code == 200, url
    assert_no_marker(response.content, url)


def test_the_organization_of_the_case_is_on_those_pages(client, cases):
    """Positive control: the pages above do show the organization."""
    name = cases["organization"].organization.name
    assert name in client.get("/organizations/kvareli-farmers/").content.decode()
    found = client.get("/search/?q=ყვარლის").context["results"]
    assert name in [result.title for result in found]
    assert name in client.get("/data/organizations.json").content.decode()
    assert name in client.get("/consultations/request/").content.decode()


def test_the_consultant_sees_every_marker(client, cases, consultant):
    """Positive control: the markers are really stored where staff see them."""
    from tests.consultations.conftest import admin_url

    client.force_login(consultant)
    page = client.get(admin_url("edit", cases["organization"].pk)).content.decode()
    for value in [*MARKERS.values(), NOTE, SESSION, FEEDBACK, DOCUMENT_NAME]:
        if value != MARKERS["group_name"]:
            assert value in page, value
    listing = client.get(admin_url("index")).content.decode()
    assert MARKERS["group_name"] in listing


def test_the_tracking_page_shows_the_question_but_nothing_of_the_desk(client, cases):
    page = client.get(
        f"/consultations/track/{cases['organization'].tracking_token}/"
    ).content.decode()

    assert MARKERS["question"] in page  # what the person wrote, to that person
    for secret in (
        NOTE,
        SESSION,
        DOCUMENT_NAME,
        MARKERS["contact_email"],
        MARKERS["contact_phone"],
        MARKERS["contact_name"],
    ):
        assert secret not in page, secret


def index_contains(word):
    return IndexEntry.objects.filter(
        Q(title__icontains=word)
        | Q(body__icontains=word)
        | Q(autocomplete__icontains=word)
    ).exists()


def test_cases_are_never_indexed_nor_found(client, cases):
    assert IndexEntry.objects.exists()  # positive control: the index is in use
    assert index_contains("ყვარლის")
    for fragment in FRAGMENTS:
        assert not index_contains(fragment), fragment
    from wagtail.search.index import get_indexed_models

    assert Case not in get_indexed_models()
    backend = get_search_backend()
    for model in get_indexed_models():
        assert list(backend.search("Zqxquestion", model)) == []
    for language in ("ka", "en"):
        prefix = "" if language == "ka" else "/en"
        response = client.get(f"{prefix}/search/", {"q": "Zqxquestion"})
        assert response.context["result_count"] == 0


def test_every_field_of_a_case_is_classified_once():
    fields = {field.name for field in Case._meta.concrete_fields}

    counted, private = (
        set(public_fields.COUNTED_FIELDS),
        set(public_fields.PRIVATE_FIELDS),
    )
    assert counted & private == set()
    assert counted | private == fields


def test_the_cases_point_at_the_directory_source_rows(cases):
    assert cases["organization"].organization.locale == Locale.get_default()
