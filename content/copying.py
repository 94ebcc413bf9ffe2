"""Find sentences that copy a source: word sequences compared with difflib.

Our pages promise parents "we wrote this page in our own words". These plain
functions let a test (and an editor, from a shell) hold every sentence of the
site's own text against every sentence of the texts it was written from.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Share of words matching in order (SequenceMatcher.ratio) at which a sentence
# counts as a near-copy. The independent reading of 2026-11-23 listed thirteen
# sentences: the nine that repeat a source sentence with a word or two changed
# score 0.67 to 1.0 on this measure, and "There is no standard treatment … Because
# of this, you may want to think about a clinical trial" (same argument, same
# words) 0.58. The three it called a close paraphrase or acceptable score 0.52 to
# 0.54, and sentences written afresh from the same facts stay at 0.5 or under.
# 0.55 catches the ten copies and leaves room for the treatment names and stock
# phrases ("stem cell rescue", "a clinical trial") a page must repeat exactly.
NEAR_COPY_RATIO = 0.55

# A run of this many words in the same order, anywhere in a sentence, is a
# copy whatever the ratio (a long sentence can hide a copied clause).
COPIED_RUN = 8

# Shorter "sentences", on either side, are names, headings and list items
# ("Combination chemotherapy.", "Patients First Treated for High-Risk
# Neuroblastoma"): a page must use the same names to be correct.
MIN_WORDS = 8

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A sentence ends at . ! ? or ; followed by a space or the end; "ch14.18" stays whole.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def words(text):
    """Lower-cased words, with curly apostrophes made straight."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def sentences(text):
    """The sentences of plain text (one block per line, as readability.plain_text gives)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


@dataclass(frozen=True)
class Match:
    sentence: str
    source_sentence: str
    ratio: float
    run: int

    def __str__(self):
        return (
            f"{self.ratio:.2f} ({self.run}-word run): {self.sentence!r}\n"
            f"      source: {self.source_sentence!r}"
        )


def compare(sentence, source_sentence):
    """(ratio, longest run of words in the same order) of two sentences."""
    ours, theirs = words(sentence), words(source_sentence)
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    run = matcher.find_longest_match(0, len(ours), 0, len(theirs)).size
    return matcher.ratio(), run


def near_copies(our_sentences, source_sentences):
    """Every (our sentence, source sentence) pair that is too close, closest first.

    Each two neighbouring sentences of ours are also compared as one, since a
    source sentence cut in two ("… based on what your child needs. They will work
    with you …") is still a copy.
    """
    found = []
    theirs = [s for s in source_sentences if len(words(s)) >= MIN_WORDS]
    ours = list(our_sentences)
    ours += [f"{a} {b}" for a, b in zip(ours, ours[1:], strict=False)]
    for sentence in ours:
        if len(words(sentence)) < MIN_WORDS:
            continue
        for source_sentence in theirs:
            ratio, run = compare(sentence, source_sentence)
            if ratio >= NEAR_COPY_RATIO or run >= COPIED_RUN:
                found.append(Match(sentence, source_sentence, ratio, run))
    return sorted(found, key=lambda m: -m.ratio)
