"""No query, however odd, breaks the search page."""

import pytest
from django.utils.html import escape

from hub.analysis import normalize
from search.forms import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "თელავი " * 1500,
    "!!!",
    "...,,,;;;",
    "*",
    '"',
    "'",
    '" OR 1=1 --',
    "'; DROP TABLE wagtailcore_page; --",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND OR NOT",
    "title:თელავი",
    "{title body}: x",
    "a* OR b^2",
    "(((",
    "\\",
    "%_%",
    "მოხალისეობა volunteering ᲗᲔᲚᲐᲕᲘ telavi",
    "Тбилиси 東京 🙂",
    "\u200b\u200d",
]


@pytest.mark.parametrize("q", ODD_QUERIES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_odd_queries_give_a_normal_page(client, corpus, q, prefix):
    """The page keeps what was typed (escaped, at most 255 characters) and
    searches when there are words: no error, no engine failure."""
    response = client.get(f"{prefix}/search/", {"q": q})
    assert response.status_code == 200
    assert not response.context.get("unavailable")
    typed = q[:MAX_QUERY_LENGTH]
    assert response.context["typed"] == typed
    assert f'name="q" value="{escape(typed)}"' in response.content.decode()
    searched = "result_count" in response.context
    assert searched == bool(normalize(typed.strip()))
    if searched:
        assert (
            response.context["result_count"] == len(response.context["results"])
            or response.context["page_obj"].has_next()
        )


def test_huge_query_is_shortened_with_a_notice(client, corpus):
    response = client.get("/en/search/", {"q": "telavi " + "x" * 10_000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 255
    assert "shortened" in " ".join(map(str, response.context["notices"]))
    titles = [r.title for r in response.context["results"]]
    assert "Volunteering week in Telavi" in titles


def test_mixed_script_query_finds_both_scripts(client, corpus):
    response = client.get("/en/search/", {"q": "volunteering მოხალისეობა"})
    titles = [r.title for r in response.context["results"]]
    assert "Volunteering week in Telavi" in titles
    assert "მოხალისეობის კვირეული თელავში" in titles


def test_repeated_parameters_use_the_last_value(client, corpus):
    response = client.get("/en/search/?q=nothing&q=telavi&type=news&type=page")
    assert response.status_code == 200
    assert response.context["query"] == "telavi"
    assert response.context["kind"] == "page"
    titles = [r.title for r in response.context["results"]]
    assert "Volunteering week in Telavi" in titles


def test_search_is_read_only(client, corpus):
    assert client.post("/search/", {"q": "telavi"}).status_code == 405
