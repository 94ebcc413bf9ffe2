"""Glossary words linked where a parent meets them.

Plain functions over HTML made by `render_markdown`, with no database access:
the caller loads the terms once (one query) and `compile_glossary` turns them
into one regular expression, so linking a page costs one pass over its text
whether the glossary holds 20 words or 2,000.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape

# Splits HTML into text and tags; the tags are kept (the capturing group).
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# A word inside these is never linked: headings, links (no link in a link),
# code, and abbreviations (which carry their own explanation).
_NO_LINK_TAGS = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
# A word's first link, and the h2 section it sits in (for "Back to where you
# were reading" beside its explanation at the foot of the page).
_SECTION_OR_LINK = re.compile(
    r'<h2\b[^>]*\bid="(?P<section>[^"]+)"[^>]*>(?P<heading>.*?)</h2>'
    r'|<a class="term-link" href="#word-(?P<slug>[^"]+)"',
    re.DOTALL,
)

LINK_PREFIX = "word-"


@dataclass(frozen=True)
class Glossary:
    """Every name of every term, compiled once for a batch of pages."""

    pattern: re.Pattern | None = None
    # A name, lower case with single spaces -> (term id, term slug).
    names: dict = field(default_factory=dict)


def normalise(name):
    return " ".join(name.lower().split())


def split_names(text):
    """Other names as an editor types them: one a line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def compile_glossary(terms):
    """Build one regular expression from (id, slug, names) rows, longest names first.

    Longest first, so "high-dose chemotherapy" wins over "chemotherapy". A name
    matches whole words only, in any case, with any spaces between its words,
    and with a plural "s" or "es" after it. The result is cached, so saving
    many pages with the same glossary compiles it once.
    """
    return _compile(tuple((pk, slug, tuple(names)) for pk, slug, names in terms))


@lru_cache(maxsize=4)
def _compile(terms):
    names = {}
    for pk, slug, term_names in terms:
        for name in term_names:
            key = normalise(name)
            if key and key not in names:
                names[key] = (pk, slug)
    if not names:
        return Glossary()
    alternation = _trie_pattern(names)
    pattern = re.compile(rf"(?<![\w-])({alternation})(?:e?s)?(?![\w-])", re.IGNORECASE)
    return Glossary(pattern, names)


def _trie_pattern(names):
    """One alternation of all names, written as a trie so names share their prefixes.

    At each position the engine then follows one branch per letter instead of
    trying 2,000 names in turn. Each branch tries the longer names before
    stopping (a greedy optional group), which keeps "longest name first".
    """
    trie = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node):
        ends = "" in node
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + build(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if ends else group

    return build(trie)


def word_link(slug, text):
    return f'<a class="term-link" href="#{LINK_PREFIX}{slug}">{escape(text, quote=False)}</a>'


def subject_terms(title, glossary):
    """The ids of the terms the title names: the page's own subject.

    A page about "When high-risk neuroblastoma comes back" does not link
    "neuroblastoma" in its text; the clinical-trials page does not link
    "clinical trial". The page itself is about them.
    """
    if glossary.pattern is None or not title:
        return set()
    return {
        glossary.names[normalise(match.group(1))][0] for match in glossary.pattern.finditer(title)
    }


def link_terms(html, glossary, subject=""):
    """Link the first use of each term in `html`, once per page.

    A term named in `subject` (the page's title) is not linked at all.
    Returns the new HTML and the ids of the terms it used, in order of first
    use. Only text between tags is searched, so attributes and tags are never
    touched; text inside headings, links and code is left alone.
    """
    if glossary.pattern is None or not html:
        return html, []
    used = {}
    linked_here = subject_terms(subject, glossary)
    skip_depth = 0
    parts = _TAG.split(html)
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            match = _TAG_NAME.match(part)
            if not match:
                continue
            closing, name = match.group(1), match.group(2).lower()
            if name in _NO_LINK_TAGS and not part.endswith("/>"):
                skip_depth = max(0, skip_depth + (-1 if closing else 1))
            continue
        if skip_depth or not part.strip():
            continue
        parts[index] = _link_text(part, glossary, linked_here, used)
    return "".join(parts), list(used)


def first_use_sections(html):
    """{term slug: (section id, heading text)} for each word linked in `html`.

    The section is the h2 the word's link sits under; None for a word linked
    before the first h2 (the page's opening lines).
    """
    found, section = {}, None
    for match in _SECTION_OR_LINK.finditer(html or ""):
        if match.group("section"):
            heading = unescape(_TAG.sub("", match.group("heading"))).strip()
            section = (match.group("section"), heading)
        else:
            found.setdefault(match.group("slug"), section)
    return found


def _link_text(escaped_text, glossary, linked_here, used):
    text = unescape(escaped_text)
    pieces = []
    position = 0
    for match in glossary.pattern.finditer(text):
        pk, slug = glossary.names[normalise(match.group(1))]
        if pk in linked_here:
            continue
        linked_here.add(pk)
        used.setdefault(pk, slug)
        pieces.append(escape(text[position : match.start()], quote=False))
        pieces.append(word_link(slug, match.group(0)))
        position = match.end()
    if not pieces:
        return escaped_text
    pieces.append(escape(text[position:], quote=False))
    return "".join(pieces)
