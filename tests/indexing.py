"""The search index in tests: off by default, on where a test searches.

config/settings/test.py turns the index's auto-update off (saving content
then skips the analysis and the index writes); the `search_index` fixture
(tests/conftest.py) and the browser tests' demo server turn it back on.
"""

from django.conf import settings
from django.core.management import call_command


def auto_updated_backends():
    """WAGTAILSEARCH_BACKENDS with every backend kept up to date on save."""
    return {
        name: {**params, "AUTO_UPDATE": True}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }


def rebuild_index():
    """Index what was saved while the auto-update was off."""
    call_command("update_index", verbosity=0)
