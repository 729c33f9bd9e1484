"""Only published, public content is ever indexed or found."""

import pytest
from django.db.models import Q
from wagtail.search.models import IndexEntry

from tests.search.conftest import SECRETS

pytestmark = pytest.mark.django_db


def index_contains(word):
    """Whether a word is in the index table (PostgreSQL keeps tsvectors:
    look for single words)."""
    return IndexEntry.objects.filter(
        Q(title__icontains=word)
        | Q(body__icontains=word)
        | Q(autocomplete__icontains=word)
    ).exists()


def test_nothing_private_reaches_the_index(corpus):
    assert IndexEntry.objects.exists()
    for secret in SECRETS:
        assert not index_contains(secret), secret
    # The authors' e-mail addresses and names are not in the index either.
    for initiative in (corpus["lights"], corpus["under_review"]):
        assert not index_contains(initiative.author_email)


def test_public_content_is_indexed(corpus):
    assert index_contains("სიღნაღის")
    assert index_contains("solar")
    assert index_contains("კვირეული")


@pytest.mark.parametrize("language", ["ka", "en"])
def test_nothing_private_is_ever_found(client, corpus, language):
    prefix = "" if language == "ka" else "/en"
    for secret in SECRETS:
        response = client.get(f"{prefix}/search/", {"q": secret})
        assert response.status_code == 200
        assert response.context["result_count"] == 0, secret
        assert "search-result " not in response.content.decode()


def test_unpublishing_removes_from_the_index(corpus):
    page = corpus["volunteering"]
    assert index_contains("კვირეული")
    page.unpublish()
    assert not index_contains("კვირეული")
    org = corpus["farmers"]
    org.live = False
    org.save()
    assert not index_contains("ყვარლის")


def test_draft_changes_of_live_content_stay_out(corpus):
    org = corpus["youth"]
    org.description = "Zqxunpublishedchange"
    org.save_revision()
    page = corpus["volunteering"]
    page.lead = "Zqxunpublishedpagechange"
    page.save_revision()
    assert not index_contains("Zqxunpublishedchange")
    assert not index_contains("Zqxunpublishedpagechange")


def test_private_organization_fields_never_shown(client, corpus):
    response = client.get("/search/", {"q": "სიღნაღი"})
    body = response.content.decode()
    titles = [r.title for r in response.context["results"]]
    assert "სიღნაღის ახალგაზრდული ცენტრი" in titles
    for secret in SECRETS:
        assert secret not in body


def test_initiative_author_not_shown(client, corpus):
    response = client.get("/en/search/", {"q": "street lights"})
    body = response.content.decode()
    assert "Solar <mark>street</mark> <mark>lights</mark>" in body
    assert corpus["lights"].author_name not in body
    assert corpus["lights"].author_email not in body
