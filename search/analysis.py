"""Text analysis shared by indexing and querying.

Every searchable model indexes `search_text()`, built with `index_text()` from
its public fields only, so that the same normalization applies to what is
indexed and to what is typed in the search box.
"""


def normalize(text):
    """Fold case and whitespace (Georgian-aware analysis lands with issue 5)."""
    return " ".join(str(text or "").lower().split())


def index_text(*parts):
    """The normalized text of the given public field values, for the index."""
    return normalize(" ".join(str(part) for part in parts if part))
