"""Parents' own words, per language: what they type, and what the pages say.

Each language may have a module here named by its code ("en", "fr", "es")
with five lists: SYNONYMS (everyday words -> the words the pages use; keys
may be phrases), STOP_WORDS (too common to search for), COMMON_WORDS (on
nearly every page: searched for, but on their own they make no match when
something more telling was typed), OUTLOOK_WORDS (asking how likely a child
is to get better) and CONTACT_WORDS (asking for a nurse's or the team's
number), and optionally ELISIONS ("l'", taken off "l'équipe") and ACCENTS
(False where the language is written without them). A language
with no module is searched by its own words alone: a new language needs no
code here, and its lists can come later.

Every word is compared with its accents taken off (content/search/folding.py),
so the lists are written the way the language writes them.
"""

import importlib
from dataclasses import dataclass, field
from functools import cache

from content.folding import fold


@dataclass(frozen=True)
class Words:
    synonyms: dict = field(default_factory=dict)  # folded key -> what it also means
    stop: frozenset = frozenset()
    common: frozenset = frozenset()
    outlook: frozenset = frozenset()
    contact: frozenset = frozenset()
    elisions: tuple = ()  # "l'" in "l'équipe": taken off the word typed
    # False where the language's words are written without accents (English):
    # glossary words are then found with the database's own quick LIKE rather
    # than an accent-blind regular expression, a call into Python per row on SQLite.
    accents: bool = True

    def known(self):
        """Every word the lists know: not corrected by "Did you mean"."""
        return {part for key in self.synonyms for part in key.split()} | self.stop


def _folded(words):
    return frozenset(fold(word) for word in words)


@cache
def for_language(code):
    """The lists for a language code ("en-gb" reads the "en" module)."""
    name = code.split("-")[0].lower()
    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
        return Words()
    synonyms = {}
    for key, others in module.SYNONYMS.items():
        synonyms.setdefault(fold(key), list(others))
    return Words(
        synonyms=synonyms,
        stop=_folded(module.STOP_WORDS),
        common=_folded(module.COMMON_WORDS),
        outlook=_folded(module.OUTLOOK_WORDS),
        contact=_folded(module.CONTACT_WORDS),
        elisions=tuple(getattr(module, "ELISIONS", ())),
        accents=getattr(module, "ACCENTS", True),
    )
