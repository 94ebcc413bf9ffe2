"""The piece of a page shown under each result, with the matches marked."""

import re
from html import escape

from django.utils.safestring import mark_safe

from content.folding import fold, pattern
from content.search.query import stem

EXTRACT_LENGTH = 220
# A sentence ends at . ! or ? followed by a space and what starts a sentence.
# Capitals with accents start French and Spanish sentences ("À", "Él"), and
# a Spanish question or exclamation opens with "¿" or "¡".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(«¿¡]?[A-Z0-9À-ÖØ-Þ])")
# Fewer words than this, or no full stop, and it is a heading or a list
# fragment ("MIBG therapy (explained below)"): shown only if nothing better.
_SENTENCE_WORDS = 6


def highlighter(terms):
    """One regular expression that finds any search term, and words that start with
    one, however they are accented ("recaida" marks "recaída")."""
    ordered = sorted({stem(fold(term).lower()) for term in terms if term}, key=len, reverse=True)
    if not ordered:
        return None
    alternation = "|".join(r"\s+".join(map(pattern, term.split())) for term in ordered)
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


def sentences(text):
    """Each sentence of the text: lines (paragraphs, list items, headings), split at full stops."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            yield from _SENTENCE_END.split(line)


def is_sentence(text):
    return text.endswith((".", "!", "?", ".”", '."', "?”")) and len(text.split()) >= _SENTENCE_WORDS


def extract(text, matcher, fallback="", phrase=""):
    """The sentence that matches best, with matches marked, shortened if it is long.

    The best sentence holds the words typed together (the phrase), then the
    most different search words, then is a whole sentence rather than a
    heading or a list fragment; the first such wins. So "MIBG" shows the
    sentence that says what MIBG therapy is, not "MIBG therapy (explained
    below)", and "came back in the marrow" the sentence about the bone marrow.
    """
    best, best_score = None, None
    if matcher:
        phrase_matcher = highlighter([phrase]) if phrase else None
        for sentence in sentences(text):
            found = {_normal(match.group(0)) for match in matcher.finditer(sentence)}
            if not found:
                continue
            score = (
                bool(phrase_matcher and phrase_matcher.search(sentence)),
                len(found),
                is_sentence(sentence),
            )
            if best_score is None or score > best_score:
                best, best_score = sentence, score
    if best is None:
        return highlight(fallback, matcher)
    return _clip(best, matcher)


def _clip(line, matcher):
    if len(line) <= EXTRACT_LENGTH:
        return highlight(line, matcher)
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
    return stem(fold(" ".join(word.lower().split())))
