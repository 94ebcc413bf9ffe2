"""No words in a parent's template outside {% translate %} or {% blocktranslate %}.

Each template is read as text: what is left once the translated parts, the
other template tags, variables, comments, scripts and HTML tags are taken out
must hold no words. Attributes a screen reader says (aria-label, alt, title,
placeholder) and the page's description are checked the same way, and so
are words written as strings inside tags ({% include … with title="…" %},
{{ x|default:"…" }}). The admin's templates are left out: staff use English.
"""

import ast
import re
from pathlib import Path

import polib
import pytest

from neuroinfo.settings import BASE_DIR

# Templates only staff see (the admin, and the admin's editor widget).
STAFF_ONLY = [BASE_DIR / "templates" / "admin", BASE_DIR / "content" / "templates" / "content"]
# Words that are the same in every language: the site's name.
SAME_IN_EVERY_LANGUAGE = {"neuroinfo"}

TRANSLATED_BLOCK = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S
)
COMMENT_BLOCK = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
TEMPLATE_COMMENT = re.compile(r"{#.*?#}", re.S)
TAG = re.compile(r"{%.*?%}", re.S)
VARIABLE = re.compile(r"{{.*?}}", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
SPOKEN_ATTRIBUTE = re.compile(r'\b(?:aria-label|alt|title|placeholder)="([^"]*)"')
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
HTML_TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;")
WORD = re.compile(r"[^\W\d_]{2,}")
TEMPLATE_NAME = re.compile(r"[\w/.-]+\.html")
# A string literal in a tag or variable, not inside _("…").
LITERAL = re.compile(r"""(?<!_\()("([^"]*)"|'([^']*)')""")


def parents_templates():
    folders = [BASE_DIR / "templates", *(BASE_DIR.glob("*/templates"))]
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            if not any(path.is_relative_to(staff) for staff in STAFF_ONLY):
                yield path


def words_outside_translation(source):
    """The words in a template's source that no translate tag covers."""
    text = COMMENT_BLOCK.sub(" ", source)
    text = TEMPLATE_COMMENT.sub(" ", text)
    text = HTML_COMMENT.sub(" ", text)
    text = SCRIPT_OR_STYLE.sub(" ", text)
    found = []
    for tag in TAG.findall(TRANSLATED_BLOCK.sub(" ", text)) + VARIABLE.findall(text):
        if re.match(r"{%\s*(translate|trans|load|extends|block|url|static)\b", tag):
            continue
        for match in LITERAL.finditer(tag):
            literal = match.group(2) if match.group(2) is not None else match.group(3)
            if TEMPLATE_NAME.fullmatch(literal):
                continue
            if len(WORD.findall(literal)) >= 2:  # "Some words", never a format or a name
                found.append(literal)
    text = TRANSLATED_BLOCK.sub(" ", text)
    text = TAG.sub(" ", text)
    text = VARIABLE.sub(" ", text)
    spoken = SPOKEN_ATTRIBUTE.findall(text) + DESCRIPTION.findall(text)
    text = HTML_TAG.sub(" ", text)
    for piece in [text, *spoken]:
        found += [
            word
            for word in WORD.findall(ENTITY.sub(" ", piece))
            if word not in SAME_IN_EVERY_LANGUAGE
        ]
    return found


@pytest.mark.parametrize(
    "path", list(parents_templates()), ids=lambda path: str(path.relative_to(BASE_DIR))
)
def test_every_word_of_a_template_is_marked_for_translation(path):
    assert words_outside_translation(path.read_text()) == []


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("<p>Go home</p>", ["Go", "home"]),
        ('<nav aria-label="Main">{% translate "x" %}</nav>', ["Main"]),
        (
            '{% include "a.html" with title="Help when it comes back" %}',
            ["Help when it comes back"],
        ),
        ('{{ message|default:"Not complete" }}', ["Not complete"]),
        ('<meta name="description" content="Plain help">', ["Plain", "help"]),
        ('{% translate "Go home" %} {% blocktranslate %}Hi {{ name }}{% endblocktranslate %}', []),
        ("<a href=\"{% url 'content:home' %}\">{{ page.title }}</a> &rarr; neuroinfo", []),
        ('{{ day|date:_("j F Y") }} {# A note #} {% comment %}Notes{% endcomment %}', []),
    ],
)
def test_the_check_finds_words_outside_translation(source, words):
    assert words_outside_translation(source) == words


def test_every_template_folder_is_checked():
    checked = {path.relative_to(BASE_DIR).parts[0] for path in parents_templates()}
    assert checked >= {"templates"}
    assert Path(BASE_DIR / "templates" / "base.html") in list(parents_templates())


# --- every marked string is in every catalogue ---------------------------------------

STRING = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
# gettext(u'…'), pgettext(u'context', u'…'), ngettext(u'…', u'…', count) and _("…")
# (a filter's argument), as django.utils.translation.template.templatize writes them.
GETTEXT_CALL = re.compile(rf"(?<![\w.])(n?p?gettext|_)\(((?:\s*{STRING}\s*,?)+)")
QUOTED = re.compile(STRING)
PYTHON_FUNCTIONS = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "ngettext"}
# Python only staff read (the admin's own words), as `make messages` leaves them out.
STAFF_PYTHON = ["content/admin", "neuroinfo/admin.py", "content/migrations"]


def marked_in_templates():
    """(context, msgid) of every marked string, as makemessages reads templates."""
    from django.utils.translation.template import templatize

    for path in parents_templates():
        for function, arguments in GETTEXT_CALL.findall(templatize(path.read_text())):
            strings = [ast.literal_eval(quoted.lstrip("u")) for quoted in QUOTED.findall(arguments)]
            context = strings.pop(0) if function.startswith(("pgettext", "npgettext")) else None
            yield path, context, strings[0]


def marked_in_python():
    for folder in ("content", "neuroinfo"):
        for path in sorted((BASE_DIR / folder).rglob("*.py")):
            relative = str(path.relative_to(BASE_DIR))
            if relative.startswith(tuple(STAFF_PYTHON)):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                if node.func.id not in PYTHON_FUNCTIONS or not node.args:
                    continue
                strings = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
                if len(strings) < len(
                    node.args
                ):  # gettext(NAME): its string is marked where written
                    continue
                if node.func.id == "pgettext":
                    yield path, strings[0], strings[1]
                else:
                    yield path, None, strings[0]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_marked_string_is_in_the_catalogue(language):
    """A string marked but missing from a catalogue shows in English: run `make messages`."""
    po = polib.pofile(str(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    known = {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}
    marked = [*marked_in_templates(), *marked_in_python()]
    assert len(marked) > 150
    missing = [
        f"{path.relative_to(BASE_DIR)}: {msgid}"
        for path, context, msgid in marked
        if (context, msgid) not in known
    ]
    assert missing == []
