"""The search page as a visitor uses it."""

import pytest

from tests.search.conftest import SECRETS

pytestmark = pytest.mark.django_db


def search(client, q="", language="ka", **params):
    url = "/search/" if language == "ka" else "/en/search/"
    return client.get(url, {"q": q, **params})


def titles(response):
    return [r.title for r in response.context["results"]]


def test_empty_search_shows_the_form(client, corpus):
    response = search(client)
    assert response.status_code == 200
    assert "results" not in response.context
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "q",
    ["მოხალისეობა", "მოხალისეობის", "მოხალისეობით", "მოხალისეები"],
)
def test_inflected_georgian_forms_find_each_other(client, corpus, q):
    assert "მოხალისეობის კვირეული თელავში" in titles(search(client, q))


def test_organization_found_by_inflected_name(client, corpus):
    found = titles(search(client, "ფერმერები ყვარელი"))
    # The page about Kakheti's farmers in Kvareli is as good a match.
    assert "ყვარლის ფერმერთა კავშირი" in found[:2]
    assert "სიღნაღის ახალგაზრდული ცენტრი" not in found


def test_mtavruli_query_finds_mkhedruli_text_and_back(client, corpus):
    assert "ყვარლის ფერმერთა კავშირი" in titles(search(client, "ᲤᲔᲠᲛᲔᲠᲔᲑᲘ"))
    assert "ᲙᲐᲮᲔᲗᲘᲡ ᲤᲔᲠᲛᲔᲠᲔᲑᲘ" in titles(search(client, "ფერმერების"))


@pytest.mark.parametrize("q", ["sighnaghi", "signagi", "Sighnaghshi"])
def test_latin_transliteration_finds_georgian(client, corpus, q):
    assert "სიღნაღის ახალგაზრდული ცენტრი" in titles(search(client, q))


def test_transliterated_query_with_q_or_k(client, corpus):
    for q in ("kvareli", "qvareli", "yvareli"):
        assert "ყვარლის ფერმერთა კავშირი" in titles(search(client, q)), q


def test_english_stemming(client, corpus):
    found = titles(search(client, "volunteers", language="en"))
    assert found[0] == "Volunteering week in Telavi"
    assert "Sighnaghi Youth Centre" in titles(search(client, "educating", "en"))


def test_visitors_language_first(client, corpus):
    ka = titles(search(client, "telavi"))
    en = titles(search(client, "telavi", language="en"))
    assert ka.index("მოხალისეობის კვირეული თელავში") < ka.index(
        "Volunteering week in Telavi"
    )
    assert en.index("Volunteering week in Telavi") < en.index(
        "მოხალისეობის კვირეული თელავში"
    )


def test_published_initiative_is_found(client, corpus):
    response = search(client, "street lights", language="en")
    assert titles(response) == ["Solar street lights for Akhmeta schools"]
    assert response.context["results"][0].kind == "initiative"


def test_result_shows_type_and_highlighted_excerpt(client, corpus):
    response = search(client, "ახალგაზრდები")
    html = response.content.decode()
    assert "<mark>ახალგაზრდების</mark>" in html
    assert "ორგანიზაცია" in html  # the type label or excerpt


def test_excerpt_is_escaped(client, corpus):
    corpus[
        "farmers"
    ].description = (
        "ფერმერები 5 < 7 & <script>alert(1)</script><img src=x onerror=alert(2)>"
    )
    corpus["farmers"].save()
    html = search(client, "ფერმერები").content.decode()
    assert "<script>alert" not in html and "onerror" not in html
    assert "<mark>ფერმერები</mark> 5 &lt; 7 &amp;" in html


def test_filter_by_content_type(client, corpus):
    response = search(client, "telavi", type="organization")
    assert {r.kind for r in response.context["results"]} <= {"organization"}
    response = search(client, "sighnaghi", type="organization")
    assert "სიღნაღის ახალგაზრდული ცენტრი" in titles(response)


def test_filter_by_municipality(client, corpus):
    found = titles(search(client, "ფერმერები ახალგაზრდები", municipality="kvareli"))
    assert found == ["ყვარლის ფერმერთა კავშირი"]


@pytest.mark.parametrize("params", [{"type": "nonsense"}, {"municipality": "atlantis"}])
def test_bad_filter_value_gives_a_clear_message(client, corpus, params):
    response = search(client, "telavi", **params)
    assert response.status_code == 200
    assert "results" not in response.context
    assert response.context["notices"]


@pytest.mark.parametrize("page", ["0", "abc", "999", "-1", "1.5"])
def test_a_page_number_that_is_not_one_is_404_as_on_every_list(client, corpus, page):
    response = search(client, "telavi", page=page)
    assert response.status_code == 404


def test_pagination(client, corpus, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 1
    first = search(client, "telavi")
    second = search(client, "telavi", page=2)
    assert first.context["result_count"] >= 2
    assert titles(first) != titles(second)
    assert 'rel="next"' in first.content.decode()


def test_nothing_private_is_ever_shown(client, corpus):
    for secret in SECRETS:
        for language in ("ka", "en"):
            response = search(client, secret, language=language)
            assert response.context["result_count"] == 0, secret
            assert 'class="search-result ' not in response.content.decode()


def test_results_link_to_their_pages(client, corpus):
    html = search(client, "street lights", language="en").content.decode()
    assert f'href="/en/initiatives/{corpus["lights"].pk}/"' in html
    html = search(client, "sighnaghi", language="en").content.decode()
    assert f'href="/en/organizations/{corpus["youth_en"].slug}/"' in html
    html = search(client, "მოხალისეობა").content.decode()
    assert f'href="{corpus["volunteering"].url}"' in html


def test_promoted_and_found_queries_are_safe_in_the_title(client, corpus):
    html = search(client, "<script>x</script> telavi").content.decode()
    assert "<script>x</script>" not in html
