"""Did you mean …? A near spelling from the site's own words.

Asked only when a search found nothing. The words are those of the glossary
and of the titles and section headings of the first published pages (a fixed
number, so the cost does not grow with the site). PostgreSQL compares them
with pg_trgm's trigram similarity, in the database; SQLite, which has no such
function, reads the same words and compares them with difflib. Only the
words of the language searched are offered, and accents do not count: a
French parent's "rechte" is offered "rechute", a Spanish parent's "recaida"
needs no correction at all.
"""

import difflib
import re

from django.db import connection

from content import folding, models
from content.folding import fold
from content.search.query import _WORD

# Only words this long are corrected: a short word has too many near neighbours.
MIN_LENGTH = 4
# The pages whose titles and headings give words (in the pages' own order).
WORD_LIST_PAGES = 200
WORD_LIST_TERMS = 2000
# How alike a word and its correction must be (0 to 1) on each database.
TRIGRAM_SIMILARITY = 0.45
DIFFLIB_CUTOFF = 0.8


def suggest(query):
    """What they typed with each unknown word replaced by a near one, or ""."""
    known = query.lists.known()
    to_check = [
        fold(word)
        for word in dict.fromkeys(query.typed)
        if len(word) >= MIN_LENGTH and fold(word) not in known and not word.isdigit()
    ]
    if not to_check:
        return ""
    if connection.vendor == "postgresql":
        nearest = _postgres_nearest(list(dict.fromkeys(to_check)), query.language)
    else:
        nearest = _difflib_nearest(to_check, query.language)
    corrected = [nearest.get(fold(word)) or word for word in query.typed]
    return " ".join(corrected) if corrected != query.typed else ""


def words_of(text):
    """The words of a title, heading or name, lower case, and the parts of hyphenated ones."""
    found = set()
    for word in _WORD.findall(text.lower()):
        found.add(word)
        found.update(re.split(r"[-.'’]", word))
    return {word for word in found if len(word) >= MIN_LENGTH}


def site_words(language=None):
    """The words of the glossary and of the first pages' titles and headings, in
    `language` (None: this request's)."""
    words = set()
    pages = models.Page.objects.published(language).values_list("title", "headings")
    for title, headings in pages[:WORD_LIST_PAGES]:
        words |= words_of(title)
        for _, heading in headings or []:
            words |= words_of(heading)
    terms = models.Term.objects.published(language).order_by().values_list("term", "other_names")
    for term, others in terms[:WORD_LIST_TERMS]:
        words |= words_of(f"{term} {others}")
    return words


def _difflib_nearest(typed, language):
    """{folded word typed: the site's word nearest to it, as the site writes it}."""
    written = {}
    for word in sorted(site_words(language)):
        written.setdefault(fold(word), word)
    folded = sorted(written)
    nearest = {}
    for word in typed:
        if word in written:
            continue
        match = difflib.get_close_matches(word, folded, n=1, cutoff=DIFFLIB_CUTOFF)
        if match:
            nearest[word] = written[match[0]]
    return nearest


# The same words as site_words(), made and compared in the database. Hyphens
# split words here too ("high-risk" gives "high" and "risk"). Each word is
# compared folded (translate() and the two letters written together take the
# accents off, as content/search/folding.py does) and offered as written.
_POSTGRES_NEAREST = """
WITH pages AS (
    SELECT title, headings FROM content_page
    WHERE status = 'published' AND language = %(language)s
    ORDER BY "order", title LIMIT %(pages)s
), texts AS (
    SELECT title AS text FROM pages
    UNION ALL
    SELECT heading ->> 1 FROM pages, jsonb_array_elements(pages.headings) AS heading
    UNION ALL
    SELECT term || ' ' || other_names FROM (
        SELECT term, other_names FROM content_term
        WHERE published AND language = %(language)s LIMIT %(terms)s
    ) AS terms
), written AS (
    SELECT DISTINCT word FROM texts,
        regexp_split_to_table(lower(text), '[^[:alnum:]]+') AS word
    WHERE length(word) >= %(min_length)s
), words AS (
    SELECT word, replace(replace(translate(word, %(accented)s, %(plain)s), 'œ', 'oe'),
        'æ', 'ae') AS folded
    FROM written
)
SELECT typed.word, (
    SELECT words.word FROM words
    WHERE similarity(words.folded, typed.word) >= %(similarity)s
    ORDER BY similarity(words.folded, typed.word) DESC, words.word
    LIMIT 1
), EXISTS (SELECT 1 FROM words WHERE words.folded = typed.word)
FROM unnest(%(typed)s::text[]) AS typed(word)
"""


def _postgres_nearest(typed, language):
    """{folded word typed: the site's word nearest to it, as the site writes it}."""
    with connection.cursor() as cursor:
        cursor.execute(
            _POSTGRES_NEAREST,
            {
                "language": language,
                "pages": WORD_LIST_PAGES,
                "terms": WORD_LIST_TERMS,
                "min_length": MIN_LENGTH,
                "similarity": TRIGRAM_SIMILARITY,
                "accented": folding.ACCENTED,
                "plain": folding.PLAIN,
                "typed": typed,
            },
        )
        return {word: match for word, match, known in cursor.fetchall() if match and not known}
