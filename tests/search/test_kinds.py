"""The search finds what models declare (hub.searchable), and a system check
holds every declaration complete."""

import pytest

from directory.models import Organization
from hub.searchable import PAGES, SearchKind
from search.checks import check_search_kinds
from search.forms import SearchForm
from search.kinds import all_kinds, searchable_models


def test_kinds_come_from_the_declarations_in_the_filter_order():
    slugs = [kind.slug for kind in all_kinds()]
    assert slugs == [
        "news",
        "event",
        "page",
        "organization",
        "initiative",
        "volunteering",
        "time-bank",
    ]
    choices = [value for value, _ in SearchForm().fields["type"].choices]
    assert choices == ["", *slugs]


def test_every_page_type_is_searched_once():
    models = {model._meta.label: kind.slug for model, kind in searchable_models()}
    assert models["home.NewsPage"] == "news"
    assert models["home.EventPage"] == "event"
    assert models["home.StandardPage"] == PAGES.slug
    assert models["home.HomePage"] == PAGES.slug
    assert "wagtailcore.Page" not in models


def test_the_declarations_are_complete():
    assert check_search_kinds() == []


def test_a_declaration_without_its_date_fails_the_check(monkeypatch):
    monkeypatch.delattr(Organization, "search_date")
    errors = check_search_kinds()
    assert [error.id for error in errors] == ["search.E001"]
    assert "search_date" in errors[0].msg


@pytest.mark.parametrize("field", ["name", "no_such_field"])
def test_a_municipality_filter_on_another_field_fails_the_check(monkeypatch, field):
    kind = SearchKind("organization", "Organizations", "Organization", field, 40)
    monkeypatch.setattr(Organization, "search_kind", kind)
    assert "search.E002" in [error.id for error in check_search_kinds()]


def test_two_kinds_with_one_slug_fail_the_check(monkeypatch):
    monkeypatch.setattr(
        Organization, "search_kind", SearchKind("news", "Other", "Other", order=40)
    )
    assert "search.E003" in [error.id for error in check_search_kinds()]
