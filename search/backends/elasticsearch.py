"""Elasticsearch 9 backend (when ELASTICSEARCH_URL is set), public objects only.

Georgian analysis happens in hub/analysis.py before text reaches the
engine: `search_text` is indexed pre-analyzed (words, Georgian stems, Latin
keys, English stems) and the search page sends analyzed terms. The engine only
has to split and fold the same way, so its analyzers fold Mtavruli to
Mkhedruli and lowercase, with no stemmer of their own that would stem the
stems a second time.
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from hub.analysis import MTAVRULI_TO_MKHEDRULI
from search.backends import public_only

MTAVRULI_FOLDING = {
    "type": "mapping",
    "mappings": [f"{chr(a)}=>{chr(b)}" for a, b in MTAVRULI_TO_MKHEDRULI.items()],
}


def _folding_analyzer(*filters):
    return {
        "type": "custom",
        "char_filter": ["mtavruli_folding"],
        "tokenizer": "standard",
        "filter": ["lowercase", *filters],
    }


# Merged into modelsearch's own settings (its ngram analyzers are replaced by
# folding ones of the same names).
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {"mtavruli_folding": MTAVRULI_FOLDING},
            "analyzer": {
                "default": _folding_analyzer(),
                "default_search": _folding_analyzer(),
                "ngram_analyzer": _folding_analyzer("ngram"),
                "edgengram_analyzer": _folding_analyzer("edgengram"),
            },
        }
    }
}


class KakhetiMapping(Elasticsearch9Mapping):
    # Edge n-grams fold like the index (modelsearch searches them with
    # "standard"); autocomplete itself is answered by the database.
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "default_search",
    }


class KakhetiSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = KakhetiMapping


class KakhetiElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = KakhetiMapping
    query_compiler_class = KakhetiSearchQueryCompiler

    def __init__(self, params):
        params = dict(params)
        settings = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = _deep_merge(INDEX_SETTINGS, settings)
        super().__init__(params)


def _deep_merge(base, extra):
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


SearchBackend = public_only(KakhetiElasticsearchBackend)
