"""Wagtail's database backend (SQLite FTS5, PostgreSQL), public objects only.

Set `SEARCH_CONFIG` to "simple" on PostgreSQL: search/analysis.py already
stems, and PostgreSQL's "english" configuration would stem the stems.
"""

from modelsearch.backends.database.sqlite.query import (
    BM25,
    LexemeCombinable,
    SearchQueryExpression,
    SearchQueryField,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText
from wagtail.search.backends.database import SearchBackend as vendor_backend

from search.backends import public_only


class GroupedLexemes(LexemeCombinable):
    """Lexemes in parentheses: modelsearch writes `a OR b AND c OR d` for
    And([Or(a, b), Or(c, d)]), which FTS5 reads as `a OR (b AND c) OR d`."""

    def __init__(self, lexemes):
        super().__init__(output_field=SearchQueryField())
        self.lexemes = lexemes

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.lexemes)
        return "%s", [f"({sql % tuple(params)})"]


class SQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        built = super().build_search_query_content(query, config=config)
        if isinstance(query, PlainText) and built is not None:
            return SearchQueryExpression(GroupedLexemes(built.value), config=config)
        return built

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() already ranks the whole MATCH expression; modelsearch's
        # product for And() multiplies negative bm25 values into nonsense.
        rank = BM25()
        return rank * boost if boost != 1.0 else rank


class KakhetiSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler


def SearchBackend(params):  # noqa: N802 - Wagtail's name for a backend factory
    backend_class = type(vendor_backend(dict(params)))
    if backend_class is SQLiteSearchBackend:
        backend_class = KakhetiSQLiteSearchBackend
    return public_only(backend_class)(params)
