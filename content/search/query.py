"""What a parent typed, turned into what to search for.

Parents type everyday words ("came back", "survival", "will my child die"),
so the query is widened with the words the pages use before it is run. The
query itself is never stored or logged.
"""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_TERMS = 16  # words and synonyms together: keeps every query small

# Parents' words for how likely their child is to get better. The pages give
# no figures; the results page says so, and where the site talks about it.
OUTLOOK_WORDS = {
    "outlook", "prognosis", "survival", "survive", "survives", "surviving", "survivor",
    "survivors", "cure", "cured", "curable", "incurable", "die", "dies", "dying", "death",
    "dead", "chance", "chances", "odds", "terminal", "life expectancy", "statistics",
}  # fmt: skip
_OUTLOOK = ["outlook", "prognosis"]
# The pages' questions ask what care there is "to keep my child comfortable".
_COMFORT = ["comfortable", "comfort", "support"]
# "Who can I call…", and the 24-hour number the team gives. The site cannot
# give a team's numbers: the results page says so, and where to find them.
CONTACT_WORDS = {"nurse", "nurses", "phone", "telephone", "helpline", "contact", "24-hour"}
_CALL = ["24-hour number", "questions between visits"]

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
    "stem cell transplant": ["stem cell rescue"],
    "stem cell rescue": ["stem cell transplant"],
    "bone marrow transplant": ["stem cell transplant", "stem cell rescue"],
    "growing": ["progressive"],
    "spreading": ["progressive", "spread"],
    "worse": ["progressive"],
    "antibody": ["monoclonal antibody", "ch14.18"],
    "dinutuximab": ["ch14.18"],
    "vitamin a": ["retinoid", "isotretinoin"],
    **{word: [w for w in _OUTLOOK if w != word] for word in OUTLOOK_WORDS},
    "palliative": _COMFORT,
    "hospice": _COMFORT,
    "end of life": _COMFORT,
    "comfort": ["comfortable", "support"],
    "nurse": _CALL,
    "nurses": _CALL,
    "phone": _CALL,
    "telephone": _CALL,
    "phone number": _CALL,
    "contact": _CALL,
    "helpline": _CALL,
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

# Words on nearly every page and in many explanations: searched for, but on
# their own they do not make a page or a word a match when the query holds a
# more telling word ("stem cell transplant" must not list every word that
# mentions a cell, nor "will my child die" every page that mentions a child).
COMMON_WORDS = {
    "cell", "cells", "child", "children", "childs", "child's", "cancer", "cancers",
    "kid", "kids", "son", "daughter", "baby", "treatment", "treatments", "doctor", "doctors",
    "neuroblastoma",
}  # fmt: skip

_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")


@dataclass
class Query:
    text: str = ""  # what the parent typed, cleaned and clipped, to show back
    words: list = field(default_factory=list)  # what they typed, as words
    terms: list = field(default_factory=list)  # their words and the synonyms, to search for
    clipped: bool = False
    # Each thing they asked for, with what means the same: a page or word
    # matches the query when it holds something from every group.
    groups: list = field(default_factory=list)
    # The terms a match must hold at least one of: those of the telling words.
    required: list = field(default_factory=list)
    phrase: str = ""  # every word they typed, in order, when there are two or more
    typed: list = field(default_factory=list)  # every word, common ones too
    about_outlook: bool = False  # asked how likely a child is to get better
    about_contact: bool = False  # asked for a nurse's or the team's phone number


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
    all_words = [word.lower().replace("’", "'") for word in _WORD.findall(text)]
    meaningful = [word for word in all_words if word not in STOP_WORDS] or all_words
    words = list(dict.fromkeys(meaningful))[:MAX_WORDS]
    groups = group_words(words, all_words)
    phrase = " ".join(all_words[:MAX_WORDS]) if len(words) > 1 else ""
    terms = list(dict.fromkeys([phrase, *(term for group in groups for term in group)]))
    terms = [term for term in terms if term][:MAX_TERMS]
    telling = [group for group in groups if group[0] not in COMMON_WORDS]
    required = [term for group in telling for term in group if term in terms]
    joined = f" {' '.join(all_words)} "
    return Query(
        text=text,
        words=words,
        terms=terms,
        clipped=clipped,
        groups=groups,
        required=(required + ([phrase] if phrase and telling else [])) or terms,
        phrase=phrase,
        typed=all_words,
        about_outlook=any(f" {word} " in joined for word in OUTLOOK_WORDS),
        about_contact=bool(CONTACT_WORDS & set(all_words)),
    )


def group_words(words, typed=None):
    """[[a word or phrase they typed, then the words that mean the same], ...].

    Phrases are looked for in everything typed, so "vitamin a" is found even
    though "a" is too common to search for on its own; the words of a phrase
    found are not searched for again on their own.
    """
    joined = f" {' '.join(typed or words)} "
    groups, covered = [], set()
    for key, synonyms in SYNONYMS.items():
        if " " in key and f" {key} " in joined and not set(key.split()) <= covered:
            groups.append([key, *synonyms])
            covered.update(key.split())
    for word in words:
        if word not in covered:
            groups.append([word, *SYNONYMS.get(word, [])])
    return groups


def expand(words, typed=None):
    """The words, then the medical words that mean the same, without repeats."""
    terms = [term for group in group_words(words, typed) for term in group]
    return list(dict.fromkeys(terms))[:MAX_TERMS]


_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word):
    """A crude stem, so "treatments" finds "treatment" and "spreading" finds "spread"."""
    if " " in word:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
