"""What a parent typed, turned into what to search for.

Parents type everyday words ("came back", "survival", "will my child die"),
so the query is widened with the words the pages use before it is run, in
the language of the pages searched (content/search/words/). Accents do not
count: "recaida" is "recaída". The query itself is never stored or logged.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from content import languages
from content.folding import fold
from content.search import words as word_lists

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_TERMS = 16  # words and synonyms together: keeps every query small

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
    language: str = field(default_factory=languages.default)  # of the pages searched

    @property
    def lists(self):
        """The language's word lists (content/search/words/)."""
        return word_lists.for_language(self.language)

    def is_common(self, group):
        """True when a group of words is there for a common word ("child", "enfant")."""
        return fold(group[0]) in self.lists.common


def clean_query(raw, language=None):
    """Turn whatever arrived in ?q= into a Query: never an error.

    Control characters (NUL included) go, the length is clipped, and only
    words survive, so quotes, SQL and punctuation are simply ignored. The
    words are read as `language`'s (None: this request's language).
    """
    language = language or languages.current()
    lists = word_lists.for_language(language)
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    text = " ".join(text.split())
    clipped = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    all_words = [
        _without_elision(word.lower().replace("’", "'"), lists.elisions)
        for word in _WORD.findall(text)
    ]
    meaningful = [word for word in all_words if fold(word) not in lists.stop] or all_words
    words = list(dict.fromkeys(meaningful))[:MAX_WORDS]
    groups = group_words(words, all_words, language)
    phrase = " ".join(all_words[:MAX_WORDS]) if len(words) > 1 else ""
    terms = list(dict.fromkeys([phrase, *(term for group in groups for term in group)]))
    terms = [term for term in terms if term][:MAX_TERMS]
    telling = [group for group in groups if fold(group[0]) not in lists.common]
    required = [term for group in telling for term in group if term in terms]
    joined = f" {fold(' '.join(all_words))} "
    return Query(
        text=text,
        words=words,
        terms=terms,
        clipped=clipped,
        groups=groups,
        required=(required + ([phrase] if phrase and telling else [])) or terms,
        phrase=phrase,
        typed=all_words,
        about_outlook=any(f" {word} " in joined for word in lists.outlook),
        about_contact=bool(lists.contact & {fold(word) for word in all_words}),
        language=language,
    )


def _without_elision(word, elisions):
    for elision in elisions:
        if word.startswith(elision) and len(word) > len(elision):
            return word[len(elision) :]
    return word


def group_words(words, typed=None, language=None):
    """[[a word or phrase they typed, then the words that mean the same], ...].

    Phrases are looked for in everything typed, so "vitamin a" is found even
    though "a" is too common to search for on its own; the words of a phrase
    found are not searched for again on their own.
    """
    synonyms = word_lists.for_language(language or languages.current()).synonyms
    joined = f" {fold(' '.join(typed or words))} "
    groups, covered = [], set()
    for key, others in synonyms.items():
        if " " in key and f" {key} " in joined and not set(key.split()) <= covered:
            groups.append([key, *others])
            covered.update(key.split())
    for word in words:
        if fold(word) not in covered:
            groups.append([word, *synonyms.get(fold(word), [])])
    return groups


def expand(words, typed=None, language=None):
    """The words, then the medical words that mean the same, without repeats."""
    terms = [term for group in group_words(words, typed, language) for term in group]
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
