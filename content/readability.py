"""Reading grade of rendered page text.

Parents read these pages under stress, often on a phone, so every published
page is held at US grade 8 or lower (NIH advice for patient material).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import textstat

MAX_GRADE = 8.0

# Each of these ends a thought even without a full stop: headings and list
# items are short on purpose and must not be glued into one long "sentence".
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote"}


class _BlockText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks = [[]]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data):
        self.blocks[-1].append(data)


def plain_text(html):
    """The visible text of an HTML fragment, one sentence-ended line per block."""
    parser = _BlockText()
    parser.feed(html)
    lines = []
    for parts in parser.blocks:
        text = " ".join("".join(parts).split())
        if not text:
            continue
        if text[-1] not in ".!?:":
            text += "."
        lines.append(text)
    return "\n".join(lines)


def reading_grade(html):
    """Flesch-Kincaid grade of the text in an HTML fragment."""
    text = plain_text(html)
    if not text:
        return 0.0
    return textstat.flesch_kincaid_grade(text)


# Plain-language guidance (PATTERNS.md): 25 words or fewer in a sentence.
MAX_SENTENCE_WORDS = 25
# The hardest sentences are shown only when they are above MAX_GRADE.
HARDEST_SHOWN = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    grade: float

    @property
    def is_long(self):
        return self.words > MAX_SENTENCE_WORDS


def sentences(html):
    """Each sentence of the visible text, with its length in words and its grade."""
    found = []
    for line in plain_text(html).splitlines():
        for text in _SENTENCE_END.split(line):
            text = text.strip()
            if text:
                found.append(Sentence(text, textstat.lexicon_count(text), _grade(text)))
    return found


def _grade(text):
    return max(0.0, round(textstat.flesch_kincaid_grade(text), 1))


@dataclass(frozen=True)
class Report:
    grade: float
    long: list  # sentences over MAX_SENTENCE_WORDS, in page order
    hardest: list  # the HARDEST_SHOWN hardest sentences above MAX_GRADE, hardest first

    @property
    def too_hard(self):
        return self.grade > MAX_GRADE


def report(html):
    """What the editor needs while writing: the page's grade and the sentences
    that push it up, so a hard sentence is seen before saving, not after."""
    found = sentences(html)
    hard = sorted((s for s in found if s.grade > MAX_GRADE), key=lambda s: -s.grade)
    return Report(
        grade=round(reading_grade(html), 1),
        long=[s for s in found if s.is_long],
        hardest=hard[:HARDEST_SHOWN],
    )
