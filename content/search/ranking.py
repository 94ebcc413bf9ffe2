"""Search over published pages and glossary terms, as plain functions.

PostgreSQL ranks pages by full-text search over a stored, indexed vector
(title weighs most, then summary, then text: `Page.search_vector`). On SQLite,
an FTS5 index ranks them the same way (`sqlite_index.py`). Either way
an index finds the matching pages and the database returns only the best few
rows, so a search costs the same whatever the number of pages. Glossary terms
are few and short, and are scored by the database directly.

Parents type everyday words ("came back", "marrow"), so the query is widened
with the medical words the pages use before it is run. The query itself is
never stored or logged.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import OperationalError, connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.safestring import mark_safe

from content import models
from content.readability import plain_text
from content.search import sqlite_index
from content.search.vector import SEARCH_CONFIG

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_TERMS = 16  # words and synonyms together: keeps every query small
MAX_RESULTS = 20
EXTRACT_LENGTH = 220

# Everyday words -> the words the pages use. Keys may be phrases.
SYNONYMS = {
    "relapse": ["recurrence", "recurrent", "come back", "comes back"],
    "relapsed": ["recurrence", "recurrent", "come back", "comes back"],
    "came back": ["recurrence", "recurrent"],
    "come back": ["recurrence", "recurrent"],
    "comes back": ["recurrence", "recurrent"],
    "coming back": ["recurrence", "recurrent"],
    "returned": ["recurrence", "recurrent", "come back"],
    "return": ["recurrence", "recurrent", "come back"],
    "marrow": ["bone marrow"],
    "brain": ["central nervous system", "cns", "spinal cord"],
    "head": ["brain", "central nervous system"],
    "spine": ["spinal cord", "central nervous system", "cns"],
    "spinal": ["spinal cord", "central nervous system", "cns"],
    "trial": ["clinical trial"],
    "trials": ["clinical trial"],
    "study": ["clinical trial"],
    "studies": ["clinical trial"],
    "research": ["clinical trial"],
    "chemo": ["chemotherapy"],
    "radiotherapy": ["radiation therapy"],
    "radiation": ["radiation therapy"],
    "operation": ["surgery"],
    "op": ["surgery"],
    "transplant": ["stem cell transplant", "stem cell rescue"],
    "growing": ["progressive"],
    "spreading": ["progressive", "spread"],
    "worse": ["progressive"],
    "antibody": ["monoclonal antibody", "ch14.18"],
    "dinutuximab": ["ch14.18"],
    "vitamin a": ["retinoid", "isotretinoin"],
    "outlook": ["prognosis"],
    "prognosis": ["outlook"],
    "tumor": ["tumour"],
}

# Words that would match nearly everything; dropped unless nothing else is left.
STOP_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for",
    "from", "has", "have", "he", "her", "his", "how", "i", "if", "in", "is", "it", "its",
    "me", "my", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
    "then", "there", "they", "this", "to", "was", "we", "what", "when", "where", "which",
    "who", "why", "will", "with", "you", "your",
}  # fmt: skip

_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")


@dataclass
class Query:
    text: str = ""  # what the parent typed, cleaned and clipped, to show back
    words: list = field(default_factory=list)  # what they typed, as words
    terms: list = field(default_factory=list)  # their words and the synonyms, to search for
    clipped: bool = False


@dataclass
class Result:
    title: str
    url: str
    extract: str  # safe HTML, with <mark> around matches
    kind: str  # "page" or "word"


def clean_query(raw):
    """Turn whatever arrived in ?q= into a Query: never an error.

    Control characters (NUL included) go, the length is clipped, and only
    words survive, so quotes, SQL and punctuation are simply ignored.
    """
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    text = " ".join(text.split())
    clipped = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    all_words = [word.lower() for word in _WORD.findall(text)]
    meaningful = [word for word in all_words if word not in STOP_WORDS] or all_words
    words = list(dict.fromkeys(meaningful))[:MAX_WORDS]
    return Query(text=text, words=words, terms=expand(words, all_words), clipped=clipped)


def expand(words, typed=None):
    """The words, then the medical words that mean the same, without repeats.

    Phrases are looked for in everything typed, so "vitamin a" is found even
    though "a" is too common to search for on its own.
    """
    terms = list(words)
    joined = f" {' '.join(typed or words)} "
    for key, synonyms in SYNONYMS.items():
        if f" {key} " in joined:
            terms.extend(synonyms)
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def search(query):
    """Published pages and glossary terms that match, best first."""
    if not query.terms:
        return [], []
    if connection.vendor == "postgresql":
        pages, terms = _postgres_pages(query), _postgres_terms(query)
    else:
        pages, terms = _ranked_pages(query), _ranked_terms(query)
    matcher = highlighter(query.terms)
    return (
        [
            Result(
                page.title,
                page.get_absolute_url(),
                extract(plain_text(page.body_html), matcher, fallback=page.summary),
                "page",
            )
            for page in pages
        ],
        [
            Result(term.term, term.get_absolute_url(), highlight(term.definition, matcher), "word")
            for term in terms
        ],
    )


def _tsquery(query):
    combined = None
    for term in query.terms:
        kind = "phrase" if " " in term else "plain"
        part = SearchQuery(term, search_type=kind, config=SEARCH_CONFIG)
        combined = part if combined is None else combined | part
    return combined


def _postgres_pages(query):
    tsquery = _tsquery(query)
    return list(
        models.Page.objects.published()
        .filter(search_vector=tsquery)
        .annotate(rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-rank", "order", "title")[:MAX_RESULTS]
    )


def _postgres_terms(query):
    tsquery = _tsquery(query)
    vector = (
        SearchVector("term", weight="A", config=SEARCH_CONFIG)
        + SearchVector("other_names", weight="A", config=SEARCH_CONFIG)
        + SearchVector("definition", weight="C", config=SEARCH_CONFIG)
    )
    return list(
        models.Term.objects.annotate(document=vector)
        .filter(document=tsquery)
        .annotate(rank=SearchRank(vector, tsquery))
        .order_by("-rank", "term")[:MAX_RESULTS]
    )


def _weighted(weights, terms):
    """A score: for each term, the weight of each field that contains it."""
    cases = [
        Case(
            When(**{f"{field_name}__icontains": term}, then=Value(weight)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for term in terms
        for field_name, weight in weights.items()
    ]
    return _sum(cases)


def _sum(expressions):
    # A balanced tree of additions: Django hashes expressions recursively, and
    # a long left-leaning chain of 30 terms made that the slowest step.
    if len(expressions) == 1:
        return expressions[0]
    middle = len(expressions) // 2
    return _sum(expressions[:middle]) + _sum(expressions[middle:])


def _any_contains(fields, terms):
    condition = Q()
    for term in terms:
        for field_name in fields:
            condition |= Q(**{f"{field_name}__icontains": term})
    return condition


def _ranked_pages(query):
    try:
        return sqlite_index.ranked_pages(query.terms, MAX_RESULTS)
    except OperationalError as error:
        # No index (an SQLite built without FTS5), or one out of step with the
        # table: still answer, slowly, and say why (never what was searched).
        log.warning("Search index unusable (%s): scoring every page instead", error)
        return _scored_pages(query)


def _scored_pages(query):
    # Reads every page, so only where there is no index. The same weights as
    # PostgreSQL's default: title A, summary B, text C.
    weights = {"title": 10, "summary": 4, "body": 2}
    terms = [stem(term) for term in query.terms]
    return list(
        models.Page.objects.published()
        .filter(_any_contains(weights, terms))
        .annotate(score=_weighted(weights, terms))
        .order_by("-score", "order", "title")[:MAX_RESULTS]
    )


def _ranked_terms(query):
    weights = {"term": 10, "other_names": 10, "definition": 2}
    terms = [stem(term) for term in query.terms]
    return list(
        models.Term.objects.filter(_any_contains(weights, terms))
        .annotate(score=_weighted(weights, terms))
        .order_by("-score", "term")[:MAX_RESULTS]
    )


_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word):
    """A crude stem, so "treatments" finds "treatment" and "spreading" finds "spread"."""
    if " " in word:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def highlighter(terms):
    """One regular expression that finds any search term, and words that start with one."""
    ordered = sorted({stem(term) for term in terms if term}, key=len, reverse=True)
    if not ordered:
        return None
    alternation = "|".join(r"\s+".join(map(re.escape, term.split())) for term in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})[\w’'-]*", re.IGNORECASE)


def highlight(text, matcher):
    """Escape text and put <mark> around each match."""
    if matcher is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped
    pieces, position = [], 0
    for match in matcher.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def extract(text, matcher, fallback=""):
    """A short piece of text around the best match, with matches marked.

    The best place is the line (paragraph, list item or heading) that holds the
    most different search words, so "came back in the marrow" shows the
    sentence about the bone marrow rather than the first "back".
    """
    best, best_score = None, 0
    if matcher:
        for line in text.splitlines():
            found = {_normal(match.group(0)) for match in matcher.finditer(line)}
            if len(found) > best_score:
                best, best_score = line, len(found)
    if best is None:
        return highlight(fallback, matcher)
    line = " ".join(best.split())
    match = matcher.search(line)
    start = max(0, match.start() - EXTRACT_LENGTH // 3)
    if start:
        space = line.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = min(len(line), start + EXTRACT_LENGTH)
    if end < len(line):
        space = line.rfind(" ", match.end(), end)
        end = space if space > 0 else end
    piece = highlight(line[start:end], matcher)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(line) else ""))


def _normal(word):
    return stem(" ".join(word.lower().split()))
