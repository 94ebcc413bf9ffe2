"""Search over published pages and glossary terms, as plain functions.

PostgreSQL ranks pages by full-text search over a stored, indexed vector
(title weighs most, then summary, then text: `Page.search_vector`). On SQLite,
an FTS5 index ranks them the same way (`sqlite_index.py`). Either way an
index finds the matching pages and the database returns only the best few
rows, so a search costs the same whatever the number of pages. Pages that
hold the words typed together come first. Glossary terms are few and short:
the database finds the candidates, and they are scored here.

A page or word must hold one of the telling words typed (or what means the
same): a common word such as "cell" or "child" alone makes no match when a
more telling word was typed. A glossary word must hold every group of words
typed, or the phrase, or be named by a telling word, so "stem cell
transplant" lists the words about stem cell transplants, not every word
whose explanation mentions a cell.
"""

import logging
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import OperationalError, connection
from django.db.models import BooleanField, Case, ExpressionWrapper, F, IntegerField, Q, Value, When

from content import languages, models
from content.folding import fold, pattern
from content.models.pages import SEARCH_WEIGHTS
from content.readability import plain_text
from content.search import sqlite_index
from content.search.extracts import extract, highlight, highlighter
from content.search.query import stem

log = logging.getLogger(__name__)

MAX_RESULTS = 20

# ts_rank's weights for D, C, B and A: text (C), summary (B) and title (A) in
# the ratio of SEARCH_WEIGHTS, as PostgreSQL's defaults (0.1, 0.2, 0.4, 1.0)
# have them; D, which no page uses, keeps its default.
_RANK_WEIGHTS = [
    0.1,
    SEARCH_WEIGHTS["body"] / SEARCH_WEIGHTS["title"],
    SEARCH_WEIGHTS["summary"] / SEARCH_WEIGHTS["title"],
    1.0,
]


@dataclass
class Result:
    title: str
    url: str
    extract: str  # safe HTML, with <mark> around matches
    kind: str  # "page" or "word"


def search(query):
    """Published pages and glossary terms that match, best first."""
    if not query.terms:
        return [], []
    pages = _postgres_pages(query) if connection.vendor == "postgresql" else _ranked_pages(query)
    terms = _ranked_terms(query)
    matcher = highlighter(query.terms)
    return (
        [
            Result(
                page.title,
                page.get_absolute_url(),
                extract(
                    plain_text(page.body_html), matcher, fallback=page.summary, phrase=query.phrase
                ),
                "page",
            )
            for page in pages
        ],
        [
            Result(term.term, term.get_absolute_url(), highlight(term.definition, matcher), "word")
            for term in terms
        ],
    )


def _any_of(terms, config):
    # Folded like the pages' vectors (content/search/vector.py): accents do not count.
    combined = None
    for term in terms:
        kind = "phrase" if " " in term else "plain"
        part = SearchQuery(fold(term), search_type=kind, config=config)
        combined = part if combined is None else combined | part
    return combined


def _postgres_pages(query):
    # The configuration each page of this language was indexed with.
    config = languages.search_config(query.language)
    everything = _any_of(query.terms, config)
    wanted = everything
    if set(query.required) != set(query.terms):
        wanted = _any_of(query.required, config) & everything
    pages = (
        models.Page.objects.published(query.language)
        .filter(search_vector=wanted)
        .annotate(rank=SearchRank(F("search_vector"), everything, weights=_RANK_WEIGHTS))
    )
    order = ["-rank", "order", "title"]
    if query.phrase:
        phrase = SearchQuery(fold(query.phrase), search_type="phrase", config=config)
        pages = pages.annotate(
            phrase=ExpressionWrapper(Q(search_vector=phrase), output_field=BooleanField())
        )
        order = ["-phrase", *order]
    return list(pages.order_by(*order)[:MAX_RESULTS])


def _weighted(weights, terms):
    """A score: for each term, the weight of each field that contains it."""
    cases = [
        Case(
            When(**{f"{field_name}__iregex": pattern(term)}, then=Value(weight)),
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


def _any_contains(fields, terms, accents=True):
    """Any field holds any term, however either is accented ("recaida", "recaída").

    One regular expression per field for all the terms: on SQLite each is a
    call into Python for every row, so one per field, not one per term. A
    language written without accents uses LIKE, the database's own.
    """
    condition = Q()
    if not accents:
        for term in terms:
            for field_name in fields:
                condition |= Q(**{f"{field_name}__icontains": term})
        return condition
    if not terms:
        return condition
    either = "|".join(f"(?:{pattern(term)})" for term in dict.fromkeys(terms))
    for field_name in fields:
        condition |= Q(**{f"{field_name}__iregex": either})
    return condition


def _ranked_pages(query):
    try:
        return sqlite_index.ranked_pages(
            query.terms,
            MAX_RESULTS,
            required=query.required,
            phrase=query.phrase,
            language=query.language,
        )
    except OperationalError as error:
        # No index (an SQLite built without FTS5), or one out of step with the
        # table: still answer, slowly, and say why (never what was searched).
        log.warning("Search index unusable (%s): scoring every page instead", error)
        return _scored_pages(query)


def _scored_pages(query):
    # Reads every page, so only where there is no index. The same weights as
    # the indexes: title, then summary, then text.
    weights = SEARCH_WEIGHTS
    terms = [stem(term) for term in query.terms]
    required = [stem(term) for term in query.required]
    return list(
        models.Page.objects.published(query.language)
        .filter(_any_contains(weights, required))
        .annotate(score=_weighted(weights, terms))
        .order_by("-score", "order", "title")[:MAX_RESULTS]
    )


# How many glossary words the database may hand over to be scored here.
MAX_TERM_CANDIDATES = 500


def _ranked_terms(query):
    """Glossary words that hold the phrase, or something from every group typed,
    or are named by a telling word typed ("survival rate" finds "outlook").

    When only common words were typed ("cell", "cancer"), only the words'
    own names count, not their explanations: "cell" finds "stem cell", not
    every word explained with "cells".
    """
    names_only = all(query.is_common(group) for group in query.groups)
    fields = ["term", "other_names"] if names_only else ["term", "other_names", "definition"]
    candidates = (
        models.Term.objects.published(query.language)
        .filter(
            _any_contains(
                fields, [stem(term) for term in query.required], accents=query.lists.accents
            )
        )
        .only("term", "slug", "definition", "other_names")[:MAX_TERM_CANDIDATES]
    )
    phrase = _finder(query.phrase) if query.phrase else None
    groups = [_finder(*group) for group in query.groups]
    telling = [_finder(*group) for group in query.groups if not query.is_common(group)]
    scored = []
    for term in candidates:
        names = f"{term.term}\n{term.other_names}"
        text = names if names_only else f"{names}\n{term.definition}"
        has_phrase = bool(phrase and phrase.search(text))
        named = any(group.search(names) for group in telling)
        if not (has_phrase or named or all(group.search(text) for group in groups)):
            continue
        score = (
            bool(phrase and phrase.search(names)),
            has_phrase,
            sum(bool(group.search(names)) for group in groups),
            sum(len(group.findall(text)) for group in groups),
        )
        scored.append((score, term))
    scored.sort(key=lambda pair: (tuple(-part for part in pair[0]), pair[1].term.casefold()))
    return [term for _, term in scored[:MAX_RESULTS]]


def _finder(*terms):
    """Finds any of the terms at the start of a word ("die" is not in "studied")."""
    alternation = "|".join(
        r"\s+".join(map(pattern, stem(fold(term).lower()).split())) for term in terms if term
    )
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)
