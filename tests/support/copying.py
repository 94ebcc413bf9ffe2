"""Find sentences that copy a source: word sequences compared with difflib.

Our pages promise parents "we wrote this page in our own words". These plain
functions let a test (and an editor, from a shell) hold every sentence of the
site's own text against every sentence of the texts it was written from.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from hashlib import blake2b

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


# --- Fingerprints: the same check where the source texts are not at hand -----
#
# The source texts are not ours to publish, so the repository holds only
# fingerprints of them (tests/data/source_fingerprints.json, made by
# scripts/copy_fingerprints.py): for each source sentence of MIN_WORDS words or
# more, the keyed 32-bit hash of every run of SHINGLE_WORDS words, in order. No
# word is stored. A run of three words has billions of possible values and each
# hash is shared by thousands of them, so the text cannot be read back; anyone
# who already has a sentence can only test whether it is there, which is what
# the check does.
#
# What the fingerprints can measure: a run of COPIED_RUN words in the same order
# is exactly a run of COPIED_RUN - SHINGLE_WORDS + 1 shared hashes in the same
# order, so that rule works as on the texts. The share of words matching
# (NEAR_COPY_RATIO) needs single words, which fingerprints leave out on
# purpose; FINGERPRINT_RATIO is the same measure over three-word runs instead.
# It misses a copy that changes every second or third word (five of the ten
# copies the independent reading found), which the check on the texts
# themselves still catches wherever they are (docs/content.md).

SHINGLE_WORDS = 3
FINGERPRINT_KEY = b"neuroinfo: our own words"
# Share of three-word runs in the same order (SequenceMatcher.ratio over the
# hashes). The five of the reading's copies that keep whole phrases score 0.40
# to 0.77 (or share an 8-word run); the other five 0.16 to 0.37, and the
# sentences the site has now at most 0.35 (two list items naming crizotinib).
FINGERPRINT_RATIO = 0.38


def shingles(text):
    """The keyed hash of every run of SHINGLE_WORDS words in `text`, in order."""
    found = words(text)
    return [
        blake2b(
            " ".join(found[i : i + SHINGLE_WORDS]).encode(), digest_size=4, key=FINGERPRINT_KEY
        ).hexdigest()
        for i in range(len(found) - SHINGLE_WORDS + 1)
    ]


def fingerprints(texts):
    """{name: [each long sentence's shingles]} for {name: text}; sorted, so the
    order of the sentences is not kept either."""
    return {
        name: sorted(
            {
                tuple(shingles(sentence))
                for sentence in sentences(text)
                if len(words(sentence)) >= MIN_WORDS
            }
        )
        for name, text in sorted(texts.items())
    }


@dataclass(frozen=True)
class FingerprintMatch:
    sentence: str
    source: str  # which source text, and which of its sentences (in sorted order)
    ratio: float
    run: int

    def __str__(self):
        return f"{self.ratio:.2f} ({self.run}-word run): {self.sentence!r}\n      in {self.source}"


def compare_fingerprint(sentence, source_shingles):
    """(ratio over three-word runs, longest run of words in the same order)."""
    ours = shingles(sentence)
    matcher = SequenceMatcher(None, ours, list(source_shingles), autojunk=False)
    block = matcher.find_longest_match(0, len(ours), 0, len(source_shingles)).size
    return matcher.ratio(), block + SHINGLE_WORDS - 1 if block else 0


def near_copies_by_fingerprint(our_sentences, source_fingerprints):
    """near_copies, against fingerprints instead of the texts."""
    found = []
    ours = list(our_sentences)
    ours += [f"{a} {b}" for a, b in zip(ours, ours[1:], strict=False)]
    for sentence in ours:
        if len(words(sentence)) < MIN_WORDS:
            continue
        for name, source_sentences in source_fingerprints.items():
            for index, source_shingles in enumerate(source_sentences):
                ratio, run = compare_fingerprint(sentence, source_shingles)
                if ratio >= FINGERPRINT_RATIO or run >= COPIED_RUN:
                    found.append(FingerprintMatch(sentence, f"{name} #{index}", ratio, run))
    return sorted(found, key=lambda m: -m.ratio)
