"""Fixtures shared by every test module."""

import json

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.factories import home_pages as build_home_pages
from hub.factories import DEFAULT_PASSWORD, SuperuserFactory, UserFactory
from hub.roles import (
    ADVISORY_COUNCIL,
    COMMUNICATIONS_STAFF,
    MODERATORS,
    TIME_BANK_COORDINATORS,
)
from tests.indexing import auto_updated_backends, rebuild_index
from tests.worker import QUEUED


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONSULTATIONS_DOCUMENTS_ROOT = tmp_path / "private-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached fragments must not leak between tests."""
    from django.core.cache import cache

    from hub import page_cache

    cache.clear()
    page_cache.clear()
    yield
    cache.clear()
    page_cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Georgian): a request
    to an English page leaves English active in the test's thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _reference_index_off(request):
    """Saving content does not update Wagtail's reference index (the admin's
    usage counts), as the search index: most tests never read it. Tests that
    do ask for `reference_index`."""
    if "reference_index" in request.fixturenames:
        yield
    else:
        with disable_reference_index_auto_update():
            yield


@pytest.fixture
def reference_index():
    """Wagtail's reference index kept up to date as content is saved."""


@pytest.fixture
def home_pages(db):
    """{"ka": Georgian home page, "en": English home page}."""
    return build_home_pages()


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def admin_user(db):
    return SuperuserFactory()


@pytest.fixture
def comms_user(db):
    return UserFactory(username="comms", role=COMMUNICATIONS_STAFF)


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", role=MODERATORS)


@pytest.fixture
def council_members(db):
    return [
        UserFactory(username=f"council{n}", role=ADVISORY_COUNCIL) for n in (1, 2, 3)
    ]


@pytest.fixture
def coordinator(db):
    """A time-bank coordinator."""
    return UserFactory(username="coordinator", role=TIME_BANK_COORDINATORS)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def comms_client(client, comms_user):
    client.force_login(comms_user)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def queued(settings):
    """Tasks wait in the database for the worker (`tests.worker`), as in
    production, instead of running at once."""
    settings.TASKS = QUEUED


@pytest.fixture
def search_index(db, settings):
    """The search index kept up to date, for tests that search or inspect it
    (the test settings turn the auto-update off: most tests never search).
    Content saved before this fixture ran is indexed by it."""
    settings.WAGTAILSEARCH_BACKENDS = auto_updated_backends()
    rebuild_index()


CONTENT_TYPE = "contenttypes.contenttype"


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


#: {database alias: its data right after the migrations, serialized as JSON}
MIGRATED_DATA = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test databases, with their migrated data kept aside to restore.

    Django keeps it on the connection object (`_test_serialized_contents`),
    where it was seen missing once Playwright had started in the process
    (tests/browser/conftest.py met the same): kept here, it cannot be lost.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            MIGRATED_DATA[connection.alias] = (
                getattr(connection, "_test_serialized_contents", None)
                or connection.creation.serialize_db_to_string()
            )


def pytest_collection_modifyitems(items):
    for item in items:
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
    # The browser modules first: the longest, they would otherwise finish
    # last on one worker while the other waits (`make test` keeps this order).
    items.sort(key=lambda item: item.get_closest_marker("browser") is None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the migrated data back after a transactional test.

    Django empties the database after such a test (and restores the migrated
    data, serialized when the test database was made, only when the next
    serialized-rollback test starts). A later transactional test that expects
    the locales, home pages and staff groups of the migrations would find
    nothing, so the clean state is restored here, right away.
    """
    result = yield
    # After the last test the test databases are gone already: nothing to do.
    if _is_transactional(item) and nextitem is not None:
        from django.core.management import call_command
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = MIGRATED_DATA.get(connection.alias)
                if not contents:
                    continue
                call_command(
                    "flush",
                    database=connection.alias,
                    interactive=False,
                    verbosity=0,
                    reset_sequences=False,
                    inhibit_post_migrate=True,
                )
                # Content types first: saving other rows may look one up (and
                # would create it, then clash with the serialized row).
                rows = json.loads(contents)
                content_types = [r for r in rows if r["model"] == CONTENT_TYPE]
                others = [r for r in rows if r["model"] != CONTENT_TYPE]
                for part in (content_types, others):
                    connection.creation.deserialize_db_from_string(json.dumps(part))
    return result
