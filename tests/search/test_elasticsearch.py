"""The Elasticsearch backend: settings, mappings and queries offline; an
unreachable or silent engine; live tests only with ELASTICSEARCH_URL."""

import json
import os
import socket

import pytest
from django.core.management import CommandError, call_command
from wagtail.search.backends import get_search_backend

from directory.models import Organization
from hub.analysis import build_query, query_terms
from search.backends.elasticsearch import KakhetiMapping, SearchBackend

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


def es_settings(url, timeout=1):
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": "kakheti_test_",
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
    }


@pytest.fixture
def closed_port():
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_port():
    """A local port that accepts connections and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


@pytest.fixture
def offline_backend(closed_port):
    return SearchBackend(es_settings(f"http://127.0.0.1:{closed_port}")["default"])


def test_index_settings_fold_mtavruli_and_lowercase(offline_backend):
    analysis = offline_backend.settings["settings"]["analysis"]
    mappings = analysis["char_filter"]["mtavruli_folding"]["mappings"]
    assert "Ა=>ა" in mappings and "Ჰ=>ჰ" in mappings
    assert len(mappings) == 48
    for name in ("default", "default_search", "edgengram_analyzer", "ngram_analyzer"):
        analyzer = analysis["analyzer"][name]
        assert analyzer["char_filter"] == ["mtavruli_folding"]
        assert analyzer["filter"][0] == "lowercase"
    # No stemmer of its own: search_text arrives pre-analyzed.
    assert "stemmer" not in json.dumps(analysis)
    # modelsearch's own filters are kept.
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"


def test_client_timeout_is_short(offline_backend):
    assert offline_backend.timeout <= 5
    assert get_search_backend().__class__.__name__.startswith("PublicOnly")


def test_mapping_indexes_public_search_text_only():
    mapping = KakhetiMapping(Organization).get_mapping()
    properties = json.dumps(mapping)
    assert "search_text" in properties
    for private in ("contact_person", "staff_notes", "submitter_email"):
        assert private not in properties
    autocomplete = mapping["properties"]["_edgengrams"]
    assert autocomplete["search_analyzer"] == "default_search"


@pytest.mark.django_db
def test_document_carries_analyzed_public_text(home_pages):
    from directory.factories import OrganizationFactory

    org = OrganizationFactory(
        name="ყვარლის ფერმერთა კავშირი", staff_notes="Zqxprivatenote"
    )
    document = KakhetiMapping(Organization).get_document(org)
    text = json.dumps(document, ensure_ascii=False)
    assert "ფერმერთა" in text and "permer" in text
    assert "Zqxprivatenote" not in text


@pytest.mark.django_db
def test_query_json_uses_analyzed_terms(offline_backend):
    query = build_query(query_terms("ᲛᲝᲮᲐᲚᲘᲡᲔᲝᲑᲘᲡ telavi"))
    compiler = offline_backend.query_compiler_class(
        Organization.objects.filter(live=True), query
    )
    body = json.dumps(compiler.get_query(), ensure_ascii=False)
    for term in ("მოხალის", "mokhalis", "telav"):
        assert term in body
    assert '"live_filter": true' in body  # the live filter reaches the engine


@pytest.mark.django_db
def test_saving_works_when_the_engine_is_down(settings, home_pages, closed_port):
    from directory.factories import OrganizationFactory

    settings.WAGTAILSEARCH_BACKENDS = es_settings(f"http://127.0.0.1:{closed_port}")
    org = OrganizationFactory(name="ახალი ორგანიზაცია")
    org.description = "განახლებული"
    org.save()
    assert Organization.objects.get(pk=org.pk).description == "განახლებული"


@pytest.mark.django_db
def test_saving_works_when_the_engine_never_answers(settings, home_pages, silent_port):
    from directory.factories import OrganizationFactory

    settings.WAGTAILSEARCH_BACKENDS = es_settings(f"http://127.0.0.1:{silent_port}")
    org = OrganizationFactory(name="ნელი ორგანიზაცია")
    assert Organization.objects.filter(pk=org.pk, live=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("port_fixture", ["closed_port", "silent_port"])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_search_page_is_friendly_when_the_engine_fails(
    client, settings, home_pages, request, port_fixture, prefix
):
    port = request.getfixturevalue(port_fixture)
    settings.WAGTAILSEARCH_BACKENDS = es_settings(f"http://127.0.0.1:{port}")
    response = client.get(f"{prefix}/search/", {"q": "თელავი"})
    assert response.status_code == 503
    assert response.context["unavailable"]
    assert 'class="search-unavailable"' in response.content.decode()


@pytest.mark.django_db
def test_admin_search_works_when_the_engine_is_down(
    admin_client, settings, home_pages, closed_port
):
    settings.WAGTAILSEARCH_BACKENDS = es_settings(f"http://127.0.0.1:{closed_port}")
    response = admin_client.get("/admin/pages/search/", {"q": "Kakheti"})
    assert response.status_code == 200
    assert home_pages["en"].pk in {page.pk for page in response.context["object_list"]}


@pytest.mark.django_db
def test_update_search_index_reports_an_unreachable_engine(settings, closed_port):
    url = f"http://127.0.0.1:{closed_port}"
    settings.WAGTAILSEARCH_BACKENDS = es_settings(url)
    with pytest.raises(CommandError, match="could not be reached") as error:
        call_command("update_search_index")
    assert url in str(error.value)


@pytest.mark.django_db
def test_update_search_index_on_the_database_backend(home_pages, capsys):
    call_command("update_search_index", verbosity=0)
    assert "Search index updated." in capsys.readouterr().out


# Live tests: only against a real server.
live = pytest.mark.skipif(
    not LIVE_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server"
)


@pytest.mark.elasticsearch
@live
@pytest.mark.django_db
def test_live_georgian_search(settings, home_pages):
    from directory.factories import OrganizationFactory

    settings.WAGTAILSEARCH_BACKENDS = es_settings(LIVE_URL, timeout=10)
    call_command("update_search_index", verbosity=0)
    org = OrganizationFactory(name="ყვარლის ფერმერთა კავშირი")
    backend = get_search_backend()
    backend.refresh_indexes()
    for q in ("ფერმერები", "ᲤᲔᲠᲛᲔᲠᲔᲑᲘ", "kvareli"):
        found = list(
            backend.search(build_query(query_terms(q)), Organization.objects.all())
        )
        assert org in found, q
