"""Test data made once per test module, as Django's `setUpTestData` does.

Slow-to-make data that a whole module reads (a search corpus, say) is built
once, inside a transaction opened for the module; each test then runs in a
savepoint of it (pytest-django's `db`), so whatever a test changes is undone
after it, and the module's transaction is rolled back after its last test.
Take a deep copy of the built objects in the function-scoped fixture the tests
use (as `setUpTestData` does), so no test sees another's unsaved changes:

    @pytest.fixture(scope="module")
    def module_thing(django_db_setup, django_db_blocker):
        yield from built_once_per_module(django_db_blocker, make_thing)

    @pytest.fixture
    def thing(module_thing, db):
        return copy.deepcopy(module_thing)
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from wagtail.signal_handlers import disable_reference_index_auto_update


def built_once_per_module(django_db_blocker, build):
    """A module-scoped fixture's body: yields build(), rolls it back after.

    Built as a test's own data would be (tests/conftest.py's autouse
    fixtures, which are function-scoped): in the default language, without
    updating Wagtail's reference index."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        with (
            django_db_blocker.unblock(),
            translation.override(settings.LANGUAGE_CODE),
            disable_reference_index_auto_update(),
        ):
            built = build()
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
