"""Reading grade of rendered page text, in each language.

Parents read these pages under stress, often on a phone, so every published
page is held at US grade 8 or lower (NIH advice for patient material). A
translation is measured with a formula made for its language (`MEASURES`,
thresholds in docs/translating.md "Reading level in each language"): the
English Flesch-Kincaid grade counts syllables the English way and means
nothing on French or Spanish text. A language with no formula here gets the
sentence-length check alone, and the preview says so.
"""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import textstat
from textstat.textstat import textstatistics

MAX_GRADE = 8.0


@dataclass(frozen=True)
class Measure:
    """A reading formula for one language, and the score a page must reach."""

    name: str  # what the editor sees: "Reading grade", "Reading ease (Kandel-Moles)"
    textstat_language: str  # for textstat's set_lang (its syllable dictionary)
    formula: str  # the textstat method
    limit: float
    higher_is_easier: bool  # an ease score (0-100) rather than a school grade

    def too_hard(self, score):
        return score < self.limit if self.higher_is_easier else score > self.limit

    def harder_first(self, score):
        """A sort key that puts the hardest sentence first."""
        return score if self.higher_is_easier else -score

    def score(self, text):
        return getattr(_textstat(self.textstat_language), self.formula)(text)


MEASURES = {
    # US school grade: 8 or lower.
    "en": Measure("Reading grade", "en_US", "flesch_kincaid_grade", MAX_GRADE, False),
    # Kandel and Moles' Flesch formula for French (207 - 1.015 words per
    # sentence - 73.6 syllables per word: textstat's French reading ease,
    # syllables from its French hyphenation dictionary). On Flesch's scale,
    # 60 to 70 is grades 8 and 9: 65 is the middle.
    "fr": Measure("Reading ease (Kandel-Moles)", "fr", "flesch_reading_ease", 65.0, True),
    # Fernández Huerta's Flesch formula for Spanish (206.84 - 60 syllables
    # per word - 1.02 words per sentence); his table puts 60 to 70 at
    # grades 7 and 8.
    "es": Measure("Reading ease (Fernández Huerta)", "es", "fernandez_huerta", 60.0, True),
}


def measure(language=None):
    """The formula for a language ("en-gb" uses "en"), or None if there is none."""
    return MEASURES.get((language or "en").split("-")[0].lower())


@cache
def _textstat(language):
    # One textstat per language, its language set once: textstat's shared
    # instance would be switched between languages by concurrent requests.
    stats = textstatistics()
    stats.set_lang(language)
    return stats


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
    """Flesch-Kincaid grade of the (English) text in an HTML fragment."""
    text = plain_text(html)
    if not text:
        return 0.0
    return textstat.flesch_kincaid_grade(text)


def reading_score(html, language=None):
    """The text's score on its language's formula, or None where there is none."""
    found = measure(language)
    if found is None:
        return None
    text = plain_text(html)
    return round(found.score(text), 1) if text else 0.0


# Plain-language guidance (PATTERNS.md): 25 words or fewer in a sentence.
MAX_SENTENCE_WORDS = 25
# The hardest sentences are shown only when they are above MAX_GRADE.
HARDEST_SHOWN = 3

# A sentence may start with an accented capital ("À", "Él"), or "¿", "¡", "«".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-ÖØ-Þ“\"'(«¿¡])")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    grade: float | None  # on the language's formula (a grade or an ease score)

    @property
    def is_long(self):
        return self.words > MAX_SENTENCE_WORDS


def sentences(html, language=None):
    """Each sentence of the visible text, with its length in words and its score
    on the language's formula (None where the language has none)."""
    found_measure = measure(language)
    found = []
    for line in plain_text(html).splitlines():
        for text in _SENTENCE_END.split(line):
            text = text.strip()
            if text:
                score = _score(text, found_measure) if found_measure else None
                found.append(Sentence(text, textstat.lexicon_count(text), score))
    return found


def _score(text, found_measure):
    score = round(found_measure.score(text), 1)
    return score if found_measure.higher_is_easier else max(0.0, score)


@dataclass(frozen=True)
class Report:
    grade: float | None  # the page's score on `measure`; None where there is none
    long: list  # sentences over MAX_SENTENCE_WORDS, in page order
    hardest: list  # the HARDEST_SHOWN hardest sentences past the limit, hardest first
    measure: Measure | None = MEASURES["en"]
    language: str = "en"

    @property
    def too_hard(self):
        return self.measure is not None and self.measure.too_hard(self.grade)


def report(html, language=None):
    """What the editor needs while writing: the page's score and the sentences
    that push it past the limit, so a hard sentence is seen before saving, not
    after. In `language` (None: English); a language with no formula gets
    the long sentences only."""
    found_measure = measure(language)
    found = sentences(html, language)
    hard = []
    if found_measure:
        hard = sorted(
            (s for s in found if found_measure.too_hard(s.grade)),
            key=lambda s: found_measure.harder_first(s.grade),
        )
    return Report(
        grade=reading_score(html, language),
        long=[s for s in found if s.is_long],
        hardest=hard[:HARDEST_SHOWN],
        measure=found_measure,
        language=language or "en",
    )
