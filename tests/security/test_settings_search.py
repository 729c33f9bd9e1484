"""A search engine that never answers holds a save for about a second at most."""

from tests.security.settings_loader import run_python

BACKEND_TIMEOUT = """
import django
django.setup()
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from wagtail.search.backends import get_search_backend
backend = get_search_backend()
client = backend.es
print(
    isinstance(backend, Elasticsearch9SearchBackend),
    client._request_timeout,
    client._max_retries,
)
"""


def test_elasticsearch_requests_time_out_after_a_second_without_retry():
    # Port 9 (discard): building the backend must not need a server.
    result = run_python(
        BACKEND_TIMEOUT,
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "ELASTICSEARCH_URL": "http://127.0.0.1:9",
        },
    )

    assert result.returncode == 0, result.stderr
    is_elasticsearch, timeout, retries = result.stdout.split()
    assert is_elasticsearch == "True"
    assert float(timeout) <= 1
    assert retries == "0"
