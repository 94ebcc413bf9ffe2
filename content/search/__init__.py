"""Search over published pages and glossary terms: every part in one place.

- `query.py`: what a parent typed, cleaned, with the words that mean the same;
- `words/`: parents' everyday words, one module per language (none needed);
- `sqlite_index.py`: SQLite's FTS5 index of the pages, kept by triggers;
- `ranking.py`: ranking pages and glossary words on either database;
- `extracts.py`: the sentence shown under each result, matches marked;
- `suggestions.py`: "Did you mean …?" when nothing was found.

Callers use the names re-exported here: `search.clean_query(text)`, then
`search.search(query)`, and `search.suggest(query)` if nothing was found.
A query is read in the language of the request (`content.languages.current()`)
and finds only pages and words in that language; accents are ignored
(`content/folding.py`: "recaida" finds "recaída").
What PostgreSQL searches for a page (`Page.search_vector`, filled by
`Page.save`) and the weights of a page's fields (`SEARCH_WEIGHTS`) are in
`content/models/pages.py`, which imports nothing from this package.
"""

from content.search.extracts import EXTRACT_LENGTH, extract, highlight, highlighter
from content.search.query import MAX_QUERY_LENGTH, Query, clean_query, expand, stem
from content.search.ranking import MAX_RESULTS, Result, search
from content.search.suggestions import suggest

__all__ = [
    "EXTRACT_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_RESULTS",
    "Query",
    "Result",
    "clean_query",
    "expand",
    "extract",
    "highlight",
    "highlighter",
    "search",
    "stem",
    "suggest",
]
