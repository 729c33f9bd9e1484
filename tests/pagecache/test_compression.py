"""HTML goes out gzip-compressed to clients that accept it (issue 16)."""

import gzip

import pytest
from django.test import Client

from tests.pagecache.conftest import fetch

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
FNAME = 0x08  # gzip header flag: a file name follows (Django's random padding)


def test_a_cached_page_is_stored_compressed_and_served_as_stored(visitor, home_pages):
    compressed, state = fetch(visitor, "/", **GZIP)
    assert state == "miss"
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert b'<html lang="ka"' in gzip.decompress(compressed.content)

    again, state = fetch(visitor, "/", **GZIP)
    assert (state, again.content) == ("hit", compressed.content)

    # A client that does not accept gzip gets (and caches) plain HTML.
    plain, state = fetch(visitor, "/")
    assert state == "miss"
    assert not plain.has_header("Content-Encoding")
    assert plain.content.startswith(b"<!DOCTYPE html>")


def test_a_page_with_a_csrf_token_is_compressed_with_random_padding(home_pages):
    lengths = set()
    for _ in range(6):
        response = Client().get("/initiatives/submit/", **GZIP)
        assert response["Content-Encoding"] == "gzip"
        assert b"csrfmiddlewaretoken" in gzip.decompress(response.content)
        # Heal The Breach: a file name of 0 to 99 bytes (Django's random
        # length) in the header makes the compressed length useless to an
        # attacker.
        assert response.content[3] & FNAME
        padding = response.content[10 : response.content.index(b"\0", 10)]
        assert len(padding) < 100
        lengths.add(len(padding))
    assert len(lengths) > 1  # random: six equal lengths have odds of 1e-10
