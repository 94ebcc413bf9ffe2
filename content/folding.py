"""Accents and letters written together, ignored when searching.

A French parent types "recidive" for "récidive", a Spanish one "recaida" for
"recaída", and both type "oe" for "œ". Search compares text with its accents
taken off (`fold`), on either database: PostgreSQL's vectors and queries are
folded here before they reach it; SQLite's index folds with FTS5's
`remove_diacritics 2`. Where a database must find the text as written (a
glossary word, the fallback without an index) or a match is marked in the
text, `pattern` gives a regular expression that accepts every accented form.
"""

import re
import unicodedata

# Letters written as one that parents type as two.
_LIGATURES = {"œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE"}


def fold(text):
    """The text without accents: "Recaída" -> "Recaida", "cœur" -> "coeur"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    for joined, apart in _LIGATURES.items():
        plain = plain.replace(joined, apart)
    return unicodedata.normalize("NFC", plain)


def _accented_forms():
    """{"e": "eéèêëEÉÈÊË", ...}: every Latin letter with the forms that fold to it."""
    forms = {}
    for code in range(0xC0, 0x180):  # Latin-1 and Latin Extended-A
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            forms.setdefault(base.lower(), {base.lower(), base.upper()}).add(char)
    return {base: "".join(sorted(chars)) for base, chars in forms.items()}


FORMS = _accented_forms()
# For PostgreSQL's translate() on lower-case text: each accented small letter
# and its plain letter, in the same order.
ACCENTED = "".join(
    char for chars in FORMS.values() for char in chars if not char.isascii() and char.islower()
)
PLAIN = "".join(fold(char) for char in ACCENTED)


def pattern(text):
    """A regular expression that finds `text` however it is accented.

    Written in the part of the syntax Python, PostgreSQL and SQLite (through
    Django's REGEXP) share: letters become classes ("[eEéÉ…]"), "oe" and "ae"
    also match "œ" and "æ", anything else is escaped.
    """
    plain = fold(text).lower()
    parts, position = [], 0
    while position < len(plain):
        pair = plain[position : position + 2]
        if pair in ("oe", "ae"):
            joined = {"oe": "œŒ", "ae": "æÆ"}[pair]
            parts.append(f"(?:{_letter(pair[0])}{_letter(pair[1])}|[{joined}])")
            position += 2
            continue
        parts.append(_letter(plain[position]))
        position += 1
    return "".join(parts)


def _letter(char):
    if char in FORMS:
        return f"[{FORMS[char]}]"
    if char.isalnum():
        return char
    return re.escape(char)
