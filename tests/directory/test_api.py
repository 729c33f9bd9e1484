"""The read-only JSON API of the directory and its OpenAPI schema."""

import pytest
import yaml

from directory.factories import OrganizationFactory, translate
from directory.public_fields import PRIVATE_FIELDS, PUBLIC_FIELDS

# These pages search: the search index is kept up to date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

API = "/api/v1/organizations/"


@pytest.fixture
def organizations(db):
    youth = OrganizationFactory(
        name="თელავის ახალგაზრდული ცენტრი",
        slug="telavi-youth",
        municipalities=["telavi"],
        fields_of_work=["youth"],
        description="არაფორმალური განათლება.",
        target_groups="ახალგაზრდები",
    )
    farmers = OrganizationFactory(
        name="ლაგოდეხის ფერმერთა კავშირი",
        slug="lagodekhi-farmers",
        municipalities=["lagodekhi"],
        fields_of_work=["agriculture"],
        legal_form="union",
        description="სოფლის მეურნეობის კონსულტაციები.",
        target_groups="ფერმერები",
    )
    OrganizationFactory(slug="draft", name="დრაფტი", live=False)
    return {"youth": youth, "farmers": farmers}


def names(response):
    return [item["name"] for item in response.json()["results"]]


def test_list_serves_public_fields_of_live_organizations(client, organizations):
    response = client.get(API)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    item = next(i for i in data["results"] if i["slug"] == "telavi-youth")
    assert set(item) == {"id", "translation_key", "language", "url", *PUBLIC_FIELDS}
    assert not set(item) & set(PRIVATE_FIELDS)
    assert item["language"] == "ka"
    assert item["municipalities"] == [
        {"slug": "telavi", "name_ka": "თელავი", "name_en": "Telavi"}
    ]
    assert item["fields_of_work"][0]["slug"] == "youth"
    assert item["url"] == "http://testserver/organizations/telavi-youth/"
    assert item["email"] == organizations["youth"].email


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?municipality=lagodekhi", ["ლაგოდეხის ფერმერთა კავშირი"]),
        ("?topic=youth", ["თელავის ახალგაზრდული ცენტრი"]),
        ("?legal_form=union", ["ლაგოდეხის ფერმერთა კავშირი"]),
        ("?q=ფერმერთა", ["ლაგოდეხის ფერმერთა კავშირი"]),
        ("?q=ფერმერ", ["ლაგოდეხის ფერმერთა კავშირი"]),
        ("?q=ახალგაზრდ&municipality=telavi", ["თელავის ახალგაზრდული ცენტრი"]),
        ("?municipality=sagarejo", []),
    ],
)
def test_filters_and_search(client, organizations, query, expected):
    assert names(client.get(API + query)) == expected


def test_language_and_fallback(client, organizations):
    translate(organizations["youth"], name="Telavi Youth Centre", slug="youth-en")
    english = client.get(API + "?language=en").json()["results"]
    assert {(i["name"], i["language"]) for i in english} == {
        ("Telavi Youth Centre", "en"),
        ("ლაგოდეხის ფერმერთა კავშირი", "ka"),
    }
    assert next(i for i in english if i["language"] == "en")["url"].endswith(
        "/en/organizations/youth-en/"
    )
    georgian = client.get(API).json()["results"]
    assert {i["language"] for i in georgian} == {"ka"}


def test_pagination(client, db):
    for _ in range(7):
        OrganizationFactory()
    first = client.get(API + "?page_size=5").json()
    assert first["count"] == 7 and len(first["results"]) == 5 and first["next"]
    second = client.get(API + "?page_size=5&page=2").json()
    assert len(second["results"]) == 2 and second["next"] is None
    assert client.get(API + "?page=3&page_size=5").status_code == 404
    assert client.get(API + "?page=abc").status_code == 404


def test_detail_by_id_and_by_slug(client, organizations):
    youth = organizations["youth"]
    by_id = client.get(f"{API}{youth.pk}/")
    by_slug = client.get(f"{API}telavi-youth/")
    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.json() == by_slug.json()
    assert by_id.json()["name"] == youth.name
    english = translate(youth, name="Telavi Youth Centre", slug="youth-en")
    assert client.get(f"{API}youth-en/?language=en").json()["id"] == english.pk
    assert client.get(f"{API}{english.pk}/").json()["language"] == "en"


@pytest.mark.parametrize(
    "url",
    [
        f"{API}draft/",
        f"{API}999999/",
        f"{API}no-such-slug/",
        f"{API}{'9' * 40}/",
    ],
)
def test_unknown_or_draft_organization_is_404(client, organizations, url):
    assert client.get(url).status_code == 404


def test_draft_by_id_is_404(client, organizations):
    draft = OrganizationFactory(slug="another-draft", live=False)
    assert client.get(f"{API}{draft.pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["?municipality=atlantis", "?topic=x", "?legal_form=plc", "?language=fr"],
)
def test_bad_filters_are_400_with_a_reason(client, organizations, query):
    response = client.get(API + query)
    assert response.status_code == 400
    assert response.json()


def test_api_is_read_only(client, organizations):
    assert client.post(API, {"name": "x"}).status_code == 405
    url = f"{API}{organizations['youth'].pk}/"
    assert client.delete(url).status_code == 405
    assert client.put(url, {}, content_type="application/json").status_code == 405


def test_openapi_schema_documents_only_public_fields(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert set(schema["paths"]) >= {
        "/api/v1/organizations/",
        "/api/v1/organizations/{id}/",
    }
    assert all(path.startswith("/api/") for path in schema["paths"])
    properties = schema["components"]["schemas"]["Organization"]["properties"]
    assert set(PUBLIC_FIELDS) <= set(properties)
    assert not set(PRIVATE_FIELDS) & set(properties)
    parameters = {
        p["name"]
        for p in schema["paths"]["/api/v1/organizations/"]["get"]["parameters"]
    }
    assert {
        "municipality",
        "topic",
        "legal_form",
        "q",
        "language",
        "page",
    } <= parameters
    assert client.get("/api/schema/?format=json").json()["openapi"].startswith("3")
