"""Wagtail's database backend (SQLite FTS5, PostgreSQL), public objects only.

Set `SEARCH_CONFIG` to "simple" on PostgreSQL: hub/analysis.py already
stems, and PostgreSQL's "english" configuration would stem the stems.
"""

from wagtail.search.backends.database import SearchBackend as vendor_backend

from search.backends import public_only


def _sqlite_backend(sqlite_backend_class):
    """SQLite's backend with a correct And() of Or()s and bm25 ranking.

    Imported only on SQLite: modelsearch's SQLite modules need its FTS model,
    which exists on SQLite only.
    """
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        LexemeCombinable,
        SearchQueryExpression,
        SearchQueryField,
    )
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler
    from modelsearch.query import PlainText

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

    return type(
        "KakhetiSQLiteSearchBackend",
        (sqlite_backend_class,),
        {"query_compiler_class": SQLiteQueryCompiler},
    )


def SearchBackend(params):  # noqa: N802 - Wagtail's name for a backend factory
    backend_class = type(vendor_backend(dict(params)))
    if backend_class.__name__ == "SQLiteSearchBackend":
        backend_class = _sqlite_backend(backend_class)
    return public_only(backend_class)(params)
