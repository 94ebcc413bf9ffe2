"""Readable differences between two versions of a page, for the admin.

Additions and removals are marked with <ins> and <del> and with "Added:" and
"Removed:" for screen readers, so they never rely on colour alone.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


def _ins(text):
    return format_html('<ins><span class="visually-hidden">Added: </span>{}</ins>', text)


def _del(text):
    return format_html('<del><span class="visually-hidden">Removed: </span>{}</del>', text)


def _phrases(a, b):
    """(old words, new words) runs: equal runs have both the same. Changes split
    only by a space are joined, so "They often" -> "Many doctors" reads as one
    change rather than two."""
    runs = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal" and old.strip():
            runs.append(["=", old, new])
        elif runs and runs[-1][0] == "~":
            runs[-1][1] += old
            runs[-1][2] += new
        else:
            runs.append(["~", old, new])
    return runs


def diff_words(old, new):
    """`new` with the words added and removed since `old` marked (<ins>, <del>, and
    "Added:"/"Removed:" for screen readers, so not by colour alone)."""
    out = []
    for kind, removed, added in _phrases(_TOKENS.findall(old), _TOKENS.findall(new)):
        if kind == "=":
            out.append(escape(added))
            continue
        # Spaces at the edges of a change stay outside the marks.
        lead = removed[: len(removed) - len(removed.lstrip())] if removed.strip() else ""
        if removed.strip():
            out.append(escape(lead) + _del(removed.strip()))
        if added.strip():
            start = added[: len(added) - len(added.lstrip())]
            out.append((escape(start) if not removed.strip() else " ") + _ins(added.strip()))
        trail = (added or removed)[len((added or removed).rstrip()) :]
        out.append(escape(trail))
    return mark_safe("".join(out))


@dataclass(frozen=True)
class Line:
    html: str
    state: str  # "same", "changed", "added", "removed", "skipped"


def diff_lines(old, new, context=2):
    """Line by line, changed lines marked word by word; long unchanged runs folded
    (none with `context=None`)."""
    a, b = old.splitlines(), new.splitlines()
    lines = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            run = a[i1:i2]
            if context is not None and len(run) > 2 * context + 1:
                lines += [Line(escape(t), "same") for t in run[:context]]
                lines.append(Line(f"… {len(run) - 2 * context} lines not changed …", "skipped"))
                lines += [Line(escape(t), "same") for t in run[-context:]]
            else:
                lines += [Line(escape(t), "same") for t in run]
        elif op == "replace" and i2 - i1 == j2 - j1:
            lines += [
                Line(diff_words(x, y), "changed") for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            lines += [Line(_del(t), "removed") for t in a[i1:i2]]
            lines += [Line(_ins(t), "added") for t in b[j1:j2]]
    return lines


@dataclass(frozen=True)
class FieldDiff:
    label: str
    changed: bool
    words: str = ""  # for one-line fields
    lines: list = field(default_factory=list)  # for the body and sources


def diff_texts(kind, old, new, context=2):
    """How the text `new` differs from `old` (both as `kind` keeps them), field by
    field. With `context=None` nothing unchanged is folded away: the whole text
    is shown, with its changes marked inside it."""
    old_lines = dict((f.name, text) for f, text in kind.comparison_lines(old))
    diffs = []
    for f, new_text in kind.comparison_lines(new):
        old_text = old_lines.get(f.name, "")
        if f.lines:
            lines = diff_lines(old_text, new_text, context=context)
            diffs.append(FieldDiff(f.label, old_text != new_text, lines=lines))
        else:
            words = diff_words(old_text, new_text)
            diffs.append(FieldDiff(f.label, old_text != new_text, words=words))
    return diffs
