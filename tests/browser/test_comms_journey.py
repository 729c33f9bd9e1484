"""A communications editor's day in the Georgian admin, in a real browser.

She signs in, finds the newsroom in the page explorer, writes a news item,
chooses the organization it is about in the chooser, publishes it, and sees it
on the site. Every admin screen on the way is Georgian (no English words, no
Mtavruli-capitalised labels) and asks no external host (conftest.py).
"""

import re

import pytest

from directory.factories import OrganizationFactory
from home.factories import news_and_event_pages
from tests.browser.conftest import content_showing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "ვენახების ფორუმი გურჯაანში"
ORGANIZATION = "გურჯაანის ფერმერთა კავშირი"


def test_comms_editor_writes_and_publishes_news(log_in, comms_user, home_pages):
    news_index, _ = news_and_event_pages(home_pages["ka"])
    OrganizationFactory(name=ORGANIZATION)

    editor = log_in(comms_user)
    editor.assert_georgian("dashboard")
    page = editor.page

    editor.goto(f"/admin/pages/{news_index.pk}/")
    editor.assert_georgian("explorer")

    editor.goto(f"/admin/pages/add/home/newspage/{news_index.pk}/")
    editor.assert_georgian("editor")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "მევენახეები და მუნიციპალიტეტი ერთად.")
    page.get_by_role("button", name="ორგანიზაცია: დამატება").click()
    modal = page.locator(".modal")
    modal.get_by_role("checkbox").first.wait_for()
    editor.assert_georgian("organization chooser")
    modal.locator("tr", has_text=ORGANIZATION).get_by_role("checkbox").check()
    modal.get_by_role("button", name="არჩევანის დადასტურება").click()
    page.get_by_text(ORGANIZATION).first.wait_for()

    page.get_by_role("button", name="სხვა მოქმედებები").click()
    page.get_by_role("button", name="გამოქვეყნება").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{news_index.pk}/$"))
    editor.assert_georgian("explorer after publishing")

    editor.goto("/news/")
    page.get_by_role("link", name=TITLE).click()
    content_showing(page, ORGANIZATION)  # the article, once it has loaded
    assert ORGANIZATION in page.locator("main").inner_text()
