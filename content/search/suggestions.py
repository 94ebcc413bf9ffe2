"""Did you mean …? A near spelling from the site's own words.

Asked only when a search found nothing. The words are those of the glossary
and of the titles and section headings of the first published pages (a fixed
number, so the cost does not grow with the site). PostgreSQL compares them
with pg_trgm's trigram similarity, in the database; SQLite, which has no such
function, reads the same words and compares them with difflib.
"""

import difflib
import re

from django.db import connection

from content import models
from content.search.query import _WORD, STOP_WORDS, SYNONYMS

# Only words this long are corrected: a short word has too many near neighbours.
MIN_LENGTH = 4
# The pages whose titles and headings give words (in the pages' own order).
WORD_LIST_PAGES = 200
WORD_LIST_TERMS = 2000
# How alike a word and its correction must be (0 to 1) on each database.
TRIGRAM_SIMILARITY = 0.45
DIFFLIB_CUTOFF = 0.8

_KNOWN = {part for key in SYNONYMS for part in key.split()} | STOP_WORDS


def suggest(query):
    """What they typed with each unknown word replaced by a near one, or ""."""
    to_check = [
        word
        for word in dict.fromkeys(query.typed)
        if len(word) >= MIN_LENGTH and word not in _KNOWN and not word.isdigit()
    ]
    if not to_check:
        return ""
    if connection.vendor == "postgresql":
        nearest = _postgres_nearest(to_check)
    else:
        nearest = _difflib_nearest(to_check)
    corrected = [nearest.get(word) or word for word in query.typed]
    return " ".join(corrected) if corrected != query.typed else ""


def words_of(text):
    """The words of a title, heading or name, lower case, and the parts of hyphenated ones."""
    found = set()
    for word in _WORD.findall(text.lower()):
        found.add(word)
        found.update(re.split(r"[-.'’]", word))
    return {word for word in found if len(word) >= MIN_LENGTH}


def site_words():
    """The words of the glossary and of the first pages' titles and headings."""
    words = set()
    pages = models.Page.objects.published().values_list("title", "headings")
    for title, headings in pages[:WORD_LIST_PAGES]:
        words |= words_of(title)
        for _, heading in headings or []:
            words |= words_of(heading)
    terms = models.Term.objects.published().order_by().values_list("term", "other_names")
    for term, others in terms[:WORD_LIST_TERMS]:
        words |= words_of(f"{term} {others}")
    return words


def _difflib_nearest(typed):
    words = sorted(site_words())
    nearest = {}
    for word in typed:
        if word in words:
            continue
        match = difflib.get_close_matches(word, words, n=1, cutoff=DIFFLIB_CUTOFF)
        if match:
            nearest[word] = match[0]
    return nearest


# The same words as site_words(), made and compared in the database. Hyphens
# split words here too ("high-risk" gives "high" and "risk").
_POSTGRES_NEAREST = """
WITH pages AS (
    SELECT title, headings FROM content_page WHERE status = 'published'
    ORDER BY "order", title LIMIT %(pages)s
), texts AS (
    SELECT title AS text FROM pages
    UNION ALL
    SELECT heading ->> 1 FROM pages, jsonb_array_elements(pages.headings) AS heading
    UNION ALL
    SELECT term || ' ' || other_names FROM (
        SELECT term, other_names FROM content_term LIMIT %(terms)s
    ) AS terms
), words AS (
    SELECT DISTINCT word FROM texts,
        regexp_split_to_table(lower(text), '[^[:alnum:]]+') AS word
    WHERE length(word) >= %(min_length)s
)
SELECT typed.word, (
    SELECT words.word FROM words
    WHERE similarity(words.word, typed.word) >= %(similarity)s
    ORDER BY similarity(words.word, typed.word) DESC, words.word
    LIMIT 1
)
FROM unnest(%(typed)s::text[]) AS typed(word)
"""


def _postgres_nearest(typed):
    with connection.cursor() as cursor:
        cursor.execute(
            _POSTGRES_NEAREST,
            {
                "pages": WORD_LIST_PAGES,
                "terms": WORD_LIST_TERMS,
                "min_length": MIN_LENGTH,
                "similarity": TRIGRAM_SIMILARITY,
                "typed": typed,
            },
        )
        return {word: match for word, match in cursor.fetchall() if match and match != word}
