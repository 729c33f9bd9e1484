"""Nothing personal is ever cached, and nobody with a session gets the cache.

Each rule has a positive control: the same request without the personal
part (no session, no form) is cached, so a rule that stopped working fails.
"""

import pytest
from django.test import Client

from initiatives import factories as initiative_factories
from tests.pagecache.conftest import cache_entries, fetch
from timebank.factories import MemberFactory
from timebank.members import ensure_user

pytestmark = pytest.mark.django_db

FORMS = [
    "/initiatives/submit/",
    "/en/initiatives/submit/",
    "/organizations/propose/",
    "/time-bank/join/",
    "/time-bank/sign-in/",
    "/consultations/request/",
]
#: Only a signed-in member's copy of /time-bank/ links to their own page.
MEMBER_LINK = 'href="/time-bank/me/"'


def signed_in_member():
    member = MemberFactory(first_name="ნესტან", last_name="ჯაყელი")
    client = Client()
    client.force_login(ensure_user(member), backend="sesame.backends.ModelBackend")
    return client


def test_a_signed_in_members_page_is_not_stored_for_visitors(visitor, home_pages):
    member_page, state = fetch(signed_in_member(), "/time-bank/")
    assert state is None
    anonymous, state = fetch(visitor, "/time-bank/")
    assert state == "miss"  # rendered for the visitor, not the member's copy
    assert MEMBER_LINK in member_page.content.decode()  # control
    assert MEMBER_LINK not in anonymous.content.decode()


def test_a_cached_page_is_never_served_to_a_signed_in_user(visitor, home_pages):
    fetch(visitor, "/time-bank/")
    assert fetch(visitor, "/time-bank/")[1] == "hit"  # control: it is cached
    member_page, state = fetch(signed_in_member(), "/time-bank/")
    assert state is None
    assert MEMBER_LINK in member_page.content.decode()


def test_staff_with_a_session_bypass_the_cache(visitor, admin_client, home_pages):
    fetch(visitor, "/")
    anonymous, state = fetch(visitor, "/")
    assert state == "hit"
    staff, state = fetch(admin_client, "/")
    assert state is None
    # The same page with and without a session: the staff copy carries the
    # editor's bar (control), the anonymous one none of it.
    assert "wagtail-userbar" in staff.content.decode()
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_any_other_cookie_bypasses_the_cache(home_pages):
    visitor = Client()
    fetch(visitor, "/")
    assert fetch(visitor, "/")[1] == "hit"
    for name in ("sessionid", "messages", "anything"):
        other = Client()
        other.cookies[name] = "x"
        assert fetch(other, "/")[1] is None, name


def test_csrf_and_language_cookies_still_get_the_cache(home_pages):
    visitor = Client()
    visitor.cookies["csrftoken"] = "a" * 32
    visitor.cookies["django_language"] = "en"
    fetch(visitor, "/")
    assert fetch(visitor, "/")[1] == "hit"


@pytest.mark.parametrize("url", FORMS)
def test_forms_with_a_csrf_token_are_never_cached(home_pages, url):
    fresh = Client()  # gets the CSRF cookie set: Set-Cookie
    response, state = fetch(fresh, url)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert state is None
    assert fetch(fresh, url)[1] is None  # now with the cookie: no Set-Cookie
    assert fetch(Client(), url)[1] is None


def test_a_response_setting_a_cookie_is_never_cached(visitor, settings):
    """(The visitor keeps that cookie afterwards: a fresh client is the control.)"""
    settings.ROOT_URLCONF = "tests.pagecache.urls"
    assert fetch(visitor, "/test-page-cache/sets-cookie/")[1] is None
    assert fetch(Client(), "/test-page-cache/sets-cookie/")[1] is None
    assert fetch(Client(), "/test-page-cache/plain/")[1] == "miss"  # control


def test_tracking_pages_are_never_cached(home_pages):
    initiative = initiative_factories.InitiativeFactory(author_name="თამარ ცისკარიძე")
    url = f"/en/initiatives/track/{initiative.tracking_token}/"
    for _ in range(2):
        response, state = fetch(Client(), url)
        assert response.status_code == 200
        assert state is None


def test_search_is_never_cached(visitor, home_pages):
    for _ in range(2):
        response, state = fetch(visitor, "/en/search/?q=telavi")
        assert response.status_code == 200
        assert state is None


def test_post_head_and_admin_are_never_cached(visitor, home_pages):
    assert visitor.head("/").headers.get("X-Page-Cache") is None
    assert fetch(visitor, "/admin/login/")[1] is None
    assert fetch(visitor, "/admin/login/")[1] is None
    response = visitor.post("/en/search/", {"q": "x"})
    assert response.headers.get("X-Page-Cache") is None


def test_not_found_is_not_cached(visitor, home_pages):
    assert fetch(visitor, "/no-such-page/")[0].status_code == 404
    assert fetch(visitor, "/no-such-page/")[1] is None


def cached_contents():
    """The bodies of every page in the page cache."""
    return [body.decode() for _, body in cache_entries("page:")]


def test_no_citizens_personal_data_in_the_cache(citizens_data):
    urls, shown, private = citizens_data
    for url in urls:
        for _ in range(2):
            assert fetch(Client(), url)[0].status_code == 200, url
    contents = "\n".join(cached_contents())
    for text in shown:  # control: the pages are there
        assert text in contents
    for text in private:
        assert text not in contents, text
