"""A cached page is served without the database, per language and address."""

import pytest

from tests.pagecache.conftest import fetch

pytestmark = pytest.mark.django_db


def test_second_anonymous_request_is_a_hit_without_queries(
    visitor, home_pages, django_assert_num_queries
):
    first, state = fetch(visitor, "/")
    assert (first.status_code, state) == (200, "miss")
    with django_assert_num_queries(0):
        second, state = fetch(visitor, "/")
    assert state == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_language_is_part_of_the_key(visitor, home_pages):
    georgian, _ = fetch(visitor, "/")
    english, state = fetch(visitor, "/en/")
    assert state == "miss"
    assert b'lang="ka"' in georgian.content
    assert b'lang="en"' in english.content
    assert fetch(visitor, "/en/")[0].content == english.content
    assert b'lang="ka"' in fetch(visitor, "/")[0].content


def test_query_string_is_part_of_the_key(visitor, settings):
    settings.ROOT_URLCONF = "tests.pagecache.urls"
    assert fetch(visitor, "/test-page-cache/plain/?n=1")[1] == "miss"
    second, state = fetch(visitor, "/test-page-cache/plain/?n=2")
    assert state == "miss"
    assert b"plain 2" in second.content
    assert fetch(visitor, "/test-page-cache/plain/?n=1")[1] == "hit"


def test_other_apps_pages_are_cached(visitor, home_pages):
    for url in ("/organizations/", "/initiatives/", "/time-bank/", "/en/time-bank/"):
        assert fetch(visitor, url)[1] == "miss", url
        assert fetch(visitor, url)[1] == "hit", url
