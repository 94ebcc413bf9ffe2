"""Compile every locale/<language>/LC_MESSAGES/django.po into its django.mo.

Pure Python (polib), so neither CI nor a server needs GNU gettext; `make
messages` runs it after extracting the strings. A translation marked fuzzy
(a guess makemessages made from a similar string) is left out, as msgfmt
does: parents see the English until a person has checked it.

    python scripts/compile_messages.py          # compile
    python scripts/compile_messages.py --check  # fail if a .mo differs from its .po
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def catalogues(locale=LOCALE):
    return sorted(locale.glob("*/LC_MESSAGES/django.po"))


def compiled(po_path):
    """The .po as the .mo it should be, in memory: only translated, non-fuzzy entries."""
    po = polib.pofile(str(po_path))
    mo = polib.MOFile()
    mo.metadata = po.metadata
    mo.extend(entry for entry in po if entry.translated() and not entry.obsolete)
    return mo


def messages(catalogue):
    """{(context, msgid, plural): translation(s)} of a POFile or MOFile."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in catalogue
        if entry.msgid  # the header
    }


def main(argv):
    check = "--check" in argv
    stale = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        mo = compiled(po_path)
        if check:
            if not mo_path.exists() or messages(polib.mofile(str(mo_path))) != messages(mo):
                stale.append(mo_path)
            continue
        mo.save(str(mo_path))
        print(f"{mo_path.relative_to(LOCALE.parent)}: {len(mo)} messages")
    if stale:
        names = ", ".join(str(path.relative_to(LOCALE.parent)) for path in stale)
        print(f"Not compiled from its .po: {names}. Run: make messages", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
