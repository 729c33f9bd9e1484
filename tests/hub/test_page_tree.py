"""The cached menu follows the page tree: deleting or saving a page is seen
on the next request (hub/page_tree.py)."""

import pytest

from home.factories import StandardPageFactory
from hub import page_tree

pytestmark = pytest.mark.django_db


def menu_html(client):
    return client.get("/").content.decode()


def test_a_deleted_page_leaves_the_menu(client, home_pages):
    page = StandardPageFactory(
        parent=home_pages["ka"], title="პროექტის არქივი", show_in_menus=True
    )
    assert "პროექტის არქივი" in menu_html(client)
    page.delete()
    assert "პროექტის არქივი" not in menu_html(client)


def test_saving_a_page_moves_the_version(home_pages):
    before = page_tree.version()
    home_pages["ka"].save()
    assert page_tree.version() != before
