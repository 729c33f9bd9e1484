"""Published initiatives as CSV and JSON: public fields only."""

import csv
import io
import json

import pytest

from initiatives import factories
from initiatives.exports import COLUMNS
from initiatives.models import AdvocacyStep, Initiative
from taxonomy.factories import municipality, topic
from tests.initiatives.public_helpers import published

pytestmark = pytest.mark.django_db


def rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_json_has_the_public_fields_and_the_timeline(client):
    initiative = published(
        title="Solar lights",
        topics=[topic("environment")],
        public_name=Initiative.PublicName.INITIALS,
        author_name="Nino Beridze",
        steps=[
            (AdvocacyStep.Kind.SENT, {}),
            (AdvocacyStep.Kind.ANSWER, {"text": "Funded next year."}),
        ],
    )
    factories.in_moderation(title="Not yet published")

    response = client.get("/data/initiatives.json?language=en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    [record] = json.loads(response.content)
    assert list(record) == COLUMNS
    assert record["id"] == initiative.pk
    assert record["title"] == "Solar lights"
    assert record["municipality"] == "Telavi"
    assert record["topics"] == [topic("environment").name_en]
    assert record["stage"] == "answered"
    assert record["author"] == "N. B."
    assert record["advocacy_steps"][-1]["text"] == "Funded next year."
    assert record["url"].endswith(f"/initiatives/{initiative.pk}/")


def test_csv_in_georgian_by_default(client):
    published(title="ფანრები")

    response = client.get("/data/initiatives.csv")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="initiatives.csv"'
    [row] = rows(response)
    assert list(row) == COLUMNS
    assert row["title"] == "ფანრები"
    assert row["municipality"] == municipality("telavi").name_ka


def test_exports_filter_like_the_list(client):
    published(title="In Telavi", municipality=municipality("telavi"))
    published(title="In Kvareli", municipality=municipality("kvareli"))

    response = client.get("/data/initiatives.csv?municipality=kvareli")

    assert [row["title"] for row in rows(response)] == ["In Kvareli"]


@pytest.mark.parametrize(
    "query",
    ["language=fr", "municipality=atlantis", "status=unconfirmed"],
)
def test_bad_parameters_are_a_clear_400(client, query):
    for url in ("/data/initiatives.csv", "/data/initiatives.json"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert response.content


def test_spreadsheet_formulas_are_neutralised(client):
    published(title='=HYPERLINK("http://evil.example")', summary="+1 and more")

    [row] = rows(client.get("/data/initiatives.csv"))

    assert row["title"].startswith("'=")
    assert row["summary"].startswith("'+")


def test_many_initiatives_cost_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    for n in range(10):
        published(
            title=f"Initiative {n}",
            topics=[topic("environment")],
            steps=[(AdvocacyStep.Kind.SENT, {})],
        )

    with django_assert_max_num_queries(8):
        response = client.get("/data/initiatives.json")

    assert len(json.loads(response.content)) == 10
