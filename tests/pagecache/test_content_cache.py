"""The content cache (hub/content_cache.py): the public content of a page for
the visits the page cache does not serve, purged by the same rule.

Its purge rules are those of the page cache: tests/pagecache/test_purge.py
runs every one of them with this cache alone too.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.factories import OrganizationFactory
from hub import content_cache
from initiatives import factories as initiative_factories
from taxonomy.models import Topic
from tests.pagecache.conftest import cache_entries, fetch
from tests.pagecache.test_privacy import MEMBER_LINK, signed_in_member
from tests.worker import QUEUED
from timebank.factories import ListingFactory

pytestmark = pytest.mark.django_db

ORGANIZATION = "/organizations/old-org/"


@pytest.fixture(autouse=True)
def _content_cache_only(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.CONTENT_CACHE_ENABLED = True


def with_session():
    """A visitor the page cache does not serve: a session cookie."""
    client = Client()
    client.cookies["sessionid"] = "not-a-signed-in-session"
    return client


def queries_reading(table, client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries if f'"{table}"' in q["sql"]]


def test_a_visitor_with_a_session_gets_the_content_from_the_cache(organization):
    visitor = with_session()
    assert fetch(visitor, ORGANIZATION)[1] == "miss"
    response, state = fetch(visitor, ORGANIZATION)
    assert state == "hit"
    assert "ძველი ორგანიზაცია" in response.content.decode()
    # The organization, its fields of work and the page's listings: no query.
    assert not queries_reading("directory_organization", visitor, ORGANIZATION)
    assert not queries_reading("taxonomy_topic", visitor, ORGANIZATION)


def test_without_the_cache_every_visit_reads_the_content(organization, settings):
    """The control of the test above: the same visits, the cache off."""
    settings.CONTENT_CACHE_ENABLED = False
    visitor = with_session()
    fetch(visitor, ORGANIZATION)
    assert fetch(visitor, ORGANIZATION)[1] is None
    assert queries_reading("directory_organization", visitor, ORGANIZATION)


def test_the_page_tree_routes_without_queries_once_cached(home_pages, settings):
    """Routing a page and checking its view restrictions cost no query once the
    page tree is cached (hub/page_tree.py), content cache or not."""
    from home.factories import NewsIndexPageFactory, NewsPageFactory

    settings.CONTENT_CACHE_ENABLED = False
    index = NewsIndexPageFactory(parent=home_pages["ka"])
    NewsPageFactory(parent=index, slug="article")
    visitor = with_session()
    visitor.get("/news/article/")
    assert not queries_reading("wagtailcore_pageviewrestriction", visitor, "/news/")
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get("/news/article/").status_code == 200
    by_path = [q for q in queries.captured_queries if '"slug" =' in q["sql"]]
    assert not by_path


def test_signed_in_users_never_get_cached_content(organization, admin_client):
    visitor = with_session()
    fetch(visitor, ORGANIZATION)
    assert fetch(visitor, ORGANIZATION)[1] == "hit"  # control: it is cached
    assert fetch(admin_client, ORGANIZATION)[1] is None
    # A member's own actions on the time bank: never from the cache, and
    # never stored for others.
    ListingFactory(title="ვენახის გასხვლა")
    fetch(visitor, "/time-bank/")
    assert fetch(visitor, "/time-bank/")[1] == "hit"  # control: it is cached
    member_page, state = fetch(signed_in_member(), "/time-bank/")
    assert state is None
    assert MEMBER_LINK in member_page.content.decode()
    assert MEMBER_LINK not in fetch(visitor, "/time-bank/")[0].content.decode()


def test_content_with_a_csrf_token_is_never_stored(organization, settings):
    settings.ROOT_URLCONF = "tests.pagecache.urls"
    for _ in range(2):
        response, state = fetch(with_session(), "/test-page-cache/content-form/")
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert state is None
    assert fetch(with_session(), "/test-page-cache/content/")[1] == "miss"  # control


def test_undeclared_content_is_never_stored(home_pages):
    """Forms and private pages declare nothing: rendered every time."""
    initiative = initiative_factories.InitiativeFactory(author_name="თამარ ცისკარიძე")
    for url in (
        "/initiatives/submit/",
        f"/en/initiatives/track/{initiative.tracking_token}/",
    ):
        for _ in range(2):
            response, state = fetch(with_session(), url)
            assert response.status_code == 200, url
            assert state is None, url


def test_the_key_holds_the_query_string(organization):
    visitor = with_session()
    fetch(visitor, "/organizations/")
    assert fetch(visitor, "/organizations/")[1] == "hit"
    assert fetch(visitor, "/en/organizations/")[1] == "miss"
    assert fetch(visitor, "/organizations/?municipality=telavi")[1] == "miss"
    response = fetch(visitor, "/organizations/?municipality=kvareli")[0]
    assert "ძველი ორგანიზაცია" not in response.content.decode()


def test_a_page_stored_from_cached_content_is_purged_with_it(organization, settings):
    """The page cache stores a page whose content came from this cache: the
    page depends on the tables the content was built from."""
    settings.PAGE_CACHE_ENABLED = True
    fetch(with_session(), ORGANIZATION)  # the content is stored
    assert fetch(Client(), ORGANIZATION)[1] == "miss"  # the page, from it
    assert fetch(Client(), ORGANIZATION)[1] == "hit"
    Topic.objects.filter(slug="youth").update(name_ka="ახალგაზრდობა-ახალი")
    response, state = fetch(Client(), ORGANIZATION)
    assert state == "miss"
    assert "ახალგაზრდობა-ახალი" in response.content.decode()


def stored_contents():
    """Everything in the content cache's entries (content parts and data)."""
    entries = cache_entries("content:") + cache_entries("data:")
    return [str(value) for _, _, value in entries]


def test_no_personal_data_in_the_content_cache(citizens_data):
    urls, shown, private = citizens_data
    signed_in = signed_in_member()
    for url in urls:
        for client in (with_session(), signed_in, Client()):
            assert fetch(client, url)[0].status_code == 200, url
    contents = "\n".join(stored_contents())
    for text in shown:  # control: the content is there
        assert text in contents
    for text in [*private, MEMBER_LINK]:
        assert text not in contents, text


def test_data_is_kept_until_a_table_it_read_is_written(organization):
    from directory.models import Organization

    def build():
        return list(Organization.objects.filter(live=True).values_list("name"))

    assert content_cache.data("names", build=build) == [("ძველი ორგანიზაცია",)]
    with CaptureQueriesContext(connection) as queries:
        assert content_cache.data("names", build=build) == [("ძველი ორგანიზაცია",)]
    assert not queries.captured_queries
    Organization.objects.filter(pk=organization.pk).update(name="ახალი")
    assert content_cache.data("names", build=build) == [("ახალი",)]


def test_head_header_and_footer_come_from_the_cache_and_follow_the_menu(
    organization, home_pages
):
    from home.factories import StandardPageFactory

    visitor = with_session()
    fetch(visitor, ORGANIZATION)
    response = visitor.get(ORGANIZATION)
    states = getattr(response.wsgi_request, content_cache.STATE)
    assert states == {part: "hit" for part in ("head", "header", "content", "footer")}
    StandardPageFactory(
        parent=home_pages["ka"], title="ახალი განყოფილება", show_in_menus=True
    )
    response = visitor.get(ORGANIZATION)
    assert "ახალი განყოფილება" in response.content.decode()  # the header's menu
    assert getattr(response.wsgi_request, content_cache.STATE)["header"] == "miss"


def test_search_results_come_from_the_cache_and_are_still_counted(
    home_pages, settings, search_index
):
    """With the database index: the results' content is kept until the index
    or the content is written; each search is counted all the same (a task
    queued, as in production)."""
    from django_tasks_db.models import DBTaskResult

    immediate = settings.TASKS
    queued = QUEUED
    OrganizationFactory(name="ზღაპრული ბაღი", slug="fairy-garden")
    settings.TASKS = queued
    visitor = with_session()
    url = "/search/?q=ზღაპრული"
    assert fetch(visitor, url)[1] == "miss"
    response, state = fetch(visitor, url)
    assert state == "hit"
    assert "ბაღი" in response.content.decode()
    counted = DBTaskResult.objects.filter(task_path__endswith="record_search")
    assert counted.count() == 2
    settings.TASKS = immediate  # indexed as it is saved
    OrganizationFactory(name="ზღაპრული ტყე", slug="fairy-forest")
    settings.TASKS = queued
    response, state = fetch(visitor, url)
    assert state == "miss"
    assert "ტყე" in response.content.decode()


def test_cached_search_results_keep_each_kind_by_its_slug(
    home_pages, settings, search_index
):
    """A kind's labels are lazy translations, slow to unpickle: the kept
    results name their kind, and a page built from them labels each result."""
    from search.results import Result

    OrganizationFactory(name="ზღაპრული ბაღი", slug="fairy-garden")
    settings.TASKS = QUEUED
    visitor = with_session()
    visitor.get("/en/search/?q=ზღაპრული")
    kept = [
        result
        for value in cache_entries("data:")
        if isinstance(value[2], tuple)
        for result in value[2][0]
        if isinstance(result, Result)
    ]
    assert [result.search_kind for result in kept] == ["organization"]

    # Another address, the same search: the content is built again from the
    # kept results.
    response = visitor.get("/en/search/?q=ზღაპრული&page=1")
    assert getattr(response.wsgi_request, content_cache.STATE)["content"] == "miss"
    assert '<span class="tag">Organization</span>' in response.content.decode()
