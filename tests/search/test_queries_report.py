"""Search promotions and the admin report of searches with no results."""

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import QueryOutcome
from tests.admin_exports import export
from tests.query_bounds import PUBLIC_PAGE_QUERIES
from tests.search.conftest import standard_page
from tests.worker import QUEUED

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/searches-with-no-results/"


def test_searches_are_counted_with_their_outcome(client, corpus):
    for _ in range(3):
        client.get("/search/", {"q": "Zqxnothing"})
    client.get("/search/", {"q": "ᲗᲔᲚᲐᲕᲘ"})
    client.get("/search/", {"q": "Zqxnothing", "page": "2"})  # not counted again
    nothing = Query.objects.get(query_string="zqxnothing")
    assert nothing.hits == 3
    assert nothing.outcome.result_count == 0
    # Mtavruli and Mkhedruli spellings are one query.
    assert Query.objects.get(query_string="თელავი").outcome.result_count > 0


def test_empty_and_filtered_searches_are_not_recorded(client, corpus):
    client.get("/search/", {"q": "  "})
    client.get("/search/", {"q": "telavi", "type": "organization"})
    assert not QueryOutcome.objects.exists()


def test_report_lists_unanswered_queries_most_frequent_first(
    admin_client, client, corpus
):
    for q, times in (("Zqxrare", 1), ("Zqxfrequent", 4), ("telavi", 5)):
        for _ in range(times):
            client.get("/search/", {"q": q})
    response = admin_client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("zqxfrequent") < html.index("zqxrare")
    assert "telavi" not in html.split("zqxfrequent")[1]  # found results: not listed


def test_report_export(admin_client, client, corpus):
    client.get("/search/", {"q": "Zqxexport"})
    response = export(admin_client, REPORT_URL, {"export": "csv"})
    assert "zqxexport" in b"".join(response.streaming_content).decode()


def test_report_is_for_communications_staff_only(
    comms_client, moderator, client, corpus
):
    assert comms_client.get(REPORT_URL).status_code == 200
    client.force_login(moderator)
    refused = client.get(REPORT_URL)
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"  # Wagtail: "no permission" message


def test_promotion_is_shown_first(client, corpus):
    query = Query.get("mokhaliseoba")
    SearchPromotion.objects.create(
        query=query, page=corpus["volunteering"], description="ეს გვერდი გამოადგება."
    )
    response = client.get("/search/", {"q": "Mokhaliseoba"})
    html = response.content.decode()
    assert response.context["promotions"][0].page.pk == corpus["volunteering"].pk
    assert html.index("ეს გვერდი გამოადგება.") < html.index('class="search-summary"')
    # Not listed twice.
    assert corpus["volunteering"].pk not in [
        r.obj.pk for r in response.context["results"] if r.kind == "page"
    ]


def test_promotion_of_an_unpublished_page_is_hidden(client, corpus):
    SearchPromotion.objects.create(query=Query.get("draft"), page=corpus["draft_page"])
    response = client.get("/search/", {"q": "draft"})
    assert response.context["promotions"] == []


def test_search_page_queries_are_bounded(
    client, corpus, settings, django_assert_max_num_queries
):
    from directory.factories import OrganizationFactory

    # As in production: counting the search is a task for the worker, so the
    # request only queues it (one INSERT among the page's queries).
    immediate = settings.TASKS
    queued = QUEUED
    settings.TASKS = queued
    client.get("/search/", {"q": "ახალგაზრდები"})  # warm the per-process caches
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES) as few:
        response = client.get("/search/", {"q": "ახალგაზრდები"})
    assert 1 <= response.context["result_count"] < 5
    assert DBTaskResult.objects.filter(task_path__endswith="record_search").count() == 2
    settings.TASKS = immediate  # (Wagtail indexes new content in a task too)
    for _ in range(15):
        OrganizationFactory(description="ახალგაზრდების ცენტრი")
    settings.TASKS = queued
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/search/", {"q": "ახალგაზრდები"})
    assert response.context["result_count"] > 15


def test_time_bank_and_volunteering_results_stay_in_the_bound(
    client, corpus, settings, django_assert_max_num_queries
):
    """Results of every kind on one page, within the public pages' bound, and
    no query more with more results (related rows joined, nothing prefetched
    that a result does not show)."""
    from timebank.factories import ListingFactory
    from volunteering.factories import OpportunityFactory

    def add(count):
        for _ in range(count):
            ListingFactory(title="ახალგაზრდების დახმარება ბაღში")
            OpportunityFactory(title="ახალგაზრდების ბანაკის მოწყობა")

    immediate = settings.TASKS
    queued = QUEUED
    add(2)
    settings.TASKS = queued
    client.get("/search/", {"q": "ახალგაზრდები"})  # warm the per-process caches
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES) as few:
        response = client.get("/search/", {"q": "ახალგაზრდები"})
    kinds = {result.kind for result in response.context["results"]}
    assert {"organization", "time-bank", "volunteering"} <= kinds
    settings.TASKS = immediate
    add(8)
    settings.TASKS = queued
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/search/", {"q": "ახალგაზრდები"})
    assert response.context["result_count"] > 20


def test_pages_shown_again_cost_no_query_for_their_excerpt(client, corpus):
    """A page's excerpt and date are its specific type's: fetched once per page
    type on first showing, then kept until the page tree changes, so a word
    found in many page types stays within the bound; a republished page shows
    its new text on the next search."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.factories import EventPageFactory, NewsPageFactory, news_and_event_pages

    home = corpus["volunteering"].get_parent()
    news_index, event_index = news_and_event_pages(home)
    article = NewsPageFactory(parent=news_index, lead="ზღაპრული ამბავი ახმეტიდან.")
    EventPageFactory(parent=event_index, lead="ზღაპრული საღამო თელავში.")
    standard_page(home, "ზღაპრული ბიბლიოთეკა", lead="ზღაპრული წიგნები ბავშვებს.")

    client.get("/search/", {"q": "ზღაპრული"})
    with CaptureQueriesContext(connection) as again:
        response = client.get("/search/", {"q": "ზღაპრული"})
    assert {r.obj.pk for r in response.context["results"]} >= {article.pk}
    tables = ("home_newspage", "home_eventpage", "home_standardpage")
    assert not [q for q in again.captured_queries if any(t in q["sql"] for t in tables)]
    assert "ამბავი ახმეტიდან" in response.content.decode()

    article.lead = "ზღაპრული ამბავი ყვარლიდან."
    article.save_revision().publish()
    response = client.get("/search/", {"q": "ზღაპრული"})
    html = response.content.decode()
    assert "ამბავი ყვარლიდან" in html
    assert "ამბავი ახმეტიდან" not in html
