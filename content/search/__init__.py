"""Search over published pages and glossary terms: every part in one place.

- `vector.py`: what PostgreSQL searches for a page (Page.search_vector);
- `sqlite_index.py`: SQLite's FTS5 index of the pages, kept by triggers;
- `ranking.py`: cleaning a query, widening it with synonyms, ranking pages
  and words on either database, and the extracts with matches marked.

Callers use the names re-exported here: `search.clean_query(text)`, then
`search.search(query)`. Nothing here imports a model at import time (the Page
model module imports `vector.py`), so the models are read through
`content.models` when a search runs.
"""

from content.search.ranking import (
    EXTRACT_LENGTH,
    MAX_QUERY_LENGTH,
    MAX_RESULTS,
    Query,
    Result,
    clean_query,
    extract,
    highlight,
    highlighter,
    search,
)

__all__ = [
    "EXTRACT_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_RESULTS",
    "Query",
    "Result",
    "clean_query",
    "extract",
    "highlight",
    "highlighter",
    "search",
]
