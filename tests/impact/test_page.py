"""The impact page: both languages, the report's figures labelled as such,
charts with text alternatives and a table behind each, filters that refuse
bad input cleanly, CSV and XLSX downloads, the sitemap and the footer."""

import copy
import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from tests.impact.conftest import IMPACT_URL, IMPACT_URL_EN, figures_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def impact_data(module_impact_data, db):
    """Made once for this module (tests/impact/conftest.py): its tests read
    it, and the others here count nothing it would change."""
    return copy.deepcopy(module_impact_data)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("url", "report_label"),
    [
        (IMPACT_URL, "ჰაბის შედეგების ანგარიში"),
        (IMPACT_URL_EN, "The hub's results report"),
    ],
)
def test_the_page_shows_the_reports_figures_labelled_as_the_reports(
    client, impact_data, url, report_label
):
    response = client.get(url)

    assert response.status_code == 200
    page = soup(response)
    meetings = page.select_one('[data-figure="meetings"]')
    assert meetings.strong.text == str(figures_of(response)["meetings"])
    report = meetings.select_one(".impact-figure__report").text
    assert report_label in report
    assert "100" in report
    participants = page.select_one('[data-figure="participants"]')
    assert "5,000" in participants.select_one(".impact-figure__report").text


def test_every_chart_has_a_text_alternative_and_a_table(client, impact_data):
    page = soup(client.get(IMPACT_URL_EN))

    charts = page.select("svg")
    assert len(charts) >= 5
    for chart in charts:
        assert chart["role"] == "img"
        title_id, desc_id = chart["aria-labelledby"].split()
        title = chart.find("title")
        desc = chart.find("desc")
        assert title["id"] == title_id and title.text.strip()
        assert desc["id"] == desc_id and desc.text.strip()
        table = chart.find_parent(class_="impact-table-block").find("table")
        assert table is not None and table.caption.text.strip()
        # The description states the numbers the table gives.
        for row in table.tbody.find_all("tr"):
            assert row.th.text.strip()[:10] in desc.text


def test_a_chart_describes_its_numbers(client, impact_data):
    page = soup(client.get(IMPACT_URL_EN))

    chart = page.select_one("#table-consultations-by-kind").find_parent(
        class_="impact-table-block"
    )
    desc = chart.find("desc").text
    assert "Legal 1" in desc
    assert "Informational 1" in desc
    assert "Organizational 0" in desc


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1999"},
        {"year": "3000"},
        {"year": "2020.5"},
        {"municipality": "nowhere"},
        {"municipality": "<script>"},
        {"year": "2024", "municipality": "../../etc"},
    ],
)
def test_bad_filters_are_refused_with_an_error_not_a_500(client, home_pages, query):
    response = client.get(IMPACT_URL_EN, query)

    assert response.status_code == 400
    page = soup(response)
    assert page.select(".errorlist")
    assert page.title.text.startswith("Error:")
    assert not page.select("[data-figure]")
    download = client.get("/en/impact/events-by-type.csv", query)
    assert download.status_code == 400


def test_the_errors_are_in_georgian_on_the_georgian_page(client, home_pages):
    response = client.get(IMPACT_URL, {"municipality": "nowhere"})

    assert response.status_code == 400
    assert "Select a valid choice" not in response.content.decode()


def test_good_filters_are_kept_in_the_download_links(client, impact_data):
    page = soup(client.get(IMPACT_URL_EN, {"year": "2024", "municipality": "telavi"}))

    link = page.select_one('a[href^="/en/impact/events-by-type.csv"]')
    assert link["href"] == "/en/impact/events-by-type.csv?year=2024&municipality=telavi"


def test_a_table_downloads_as_csv(client, impact_data):
    response = client.get("/en/impact/consultations-by-kind.csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kind", "Requests", "Consultations given"]
    assert ["Legal", "1", "1"] in rows


def test_a_table_downloads_as_xlsx_with_the_filters(client, impact_data):
    response = client.get(
        "/en/impact/initiatives-by-municipality.xlsx", {"municipality": "gurjaani"}
    )

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert "gurjaani" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][0] == "Municipality"
    gurjaani = next(row for row in rows if row[0] == "Gurjaani")
    assert gurjaani[1:] == ("1", "1", "1", "1")


@pytest.mark.parametrize(
    "url", ["/en/impact/no-such-table.csv", "/en/impact/events-by-type.pdf"]
)
def test_unknown_downloads_are_not_found(client, home_pages, url):
    assert client.get(url).status_code == 404


def test_the_sitemap_lists_the_page_in_both_languages(client, home_pages):
    content = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/impact/</loc>" in content
    assert "http://testserver/en/impact/</loc>" in content


def test_the_footer_links_to_the_page(client, home_pages):
    page = soup(client.get("/en/"))

    assert page.select_one('footer a[href="/en/impact/"]')
