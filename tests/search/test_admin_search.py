"""Editors search the admin for drafts and private pages too: the index holds
public content only, so the admin's searches are answered by the database."""

import pytest

pytestmark = pytest.mark.django_db


def found(response):
    assert response.status_code == 200
    return {page.pk for page in response.context["object_list"]}


def test_admin_search_finds_drafts_and_private_pages(comms_client, corpus):
    draft, private = corpus["draft_page"], corpus["private_page"]
    assert draft.pk in found(comms_client.get("/admin/pages/search/", {"q": "სამუშაო"}))
    assert private.pk in found(comms_client.get("/admin/pages/search/", {"q": "Board"}))


def test_admin_search_still_finds_published_pages(comms_client, corpus):
    response = comms_client.get("/admin/pages/search/", {"q": "კვირეული"})
    assert found(response) == {corpus["volunteering"].pk}
    response = comms_client.get("/admin/pages/search/", {"q": "volunteering"})
    assert found(response) == {corpus["volunteering_en"].pk}


def test_explorer_search_under_a_page_finds_drafts(comms_client, corpus):
    draft = corpus["draft_page"]
    url = f"/admin/pages/{draft.get_parent().pk}/"
    assert draft.pk in found(comms_client.get(url, {"q": "სამუშაო"}))


def test_page_chooser_search_finds_drafts(comms_client, corpus):
    response = comms_client.get("/admin/choose-page/search/", {"q": "სამუშაო"})
    assert corpus["draft_page"].pk in {p.pk for p in response.context["pages"]}
