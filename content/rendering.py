"""Markdown to safe HTML: the one function that saving a page, the admin's
live preview and the tests all call."""

import re
from html import unescape
from pathlib import Path

import markdown
import nh3
from django.urls import Resolver404, resolve

from content import languages

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "strong",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Ids the site's templates use; a heading in the body must not take one. Read
# from the templates themselves (every literal id="…" in our own template
# folders), so a template that gains an id reserves it at once.
_TEMPLATE_ID = re.compile(r"""\bid\s*=\s*(["'])([^"'{}%\s]+)\1""")
_TEMPLATE_FOLDERS = [
    Path(__file__).resolve().parent.parent / "templates",
    Path(__file__).resolve().parent / "templates",
]


def template_ids(public_only=False):
    """Every literal id in the site's templates (not the admin's, if public_only)."""
    found = set()
    for folder in _TEMPLATE_FOLDERS:
        for path in folder.rglob("*.html"):
            if public_only and {"admin", "simple_history"} & set(path.relative_to(folder).parts):
                continue
            found.update(match[1] for match in _TEMPLATE_ID.findall(path.read_text()))
    return found


RESERVED_IDS = frozenset(template_ids())


# Bounds on the work one render may take, so no text can stall a worker. For
# each "[" python-markdown looks for its link's end through the rest of the
# paragraph, so its time grows
# with (number of "[") x (length of the paragraph): 10 KB of "[" took 11 s. It
# also recurses once per level of nesting (lists 400 deep: RecursionError).
# Real pages are far inside these: the starting pages are under 4,000
# characters, score about 1,000 link work and nest lists two deep; at the
# bounds a render takes well under a second (scripts/bench_markdown.py).
MAX_BODY_CHARS = 100_000
MAX_LINK_WORK = 500_000  # the sum over paragraphs of "[" count x paragraph length
MAX_NESTING = 20

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NESTING_PREFIX = re.compile(r"[ \t>]*")


class MarkdownError(ValueError):
    """Text the renderer will not take on. The message is shown to the editor."""


def check_markdown(text):
    """Raise MarkdownError when `text` is beyond the bounds above."""
    if len(text) > MAX_BODY_CHARS:
        raise MarkdownError(
            f"The text is {len(text):,} characters long; a page can have at most "
            f"{MAX_BODY_CHARS:,}. Split it into two pages."
        )
    if sum(block.count("[") * len(block) for block in _BLANK_LINE.split(text)) > MAX_LINK_WORK:
        raise MarkdownError(
            "This text has too many “[” characters (links) in long paragraphs to be shown "
            "quickly. Put blank lines between paragraphs, or use fewer links in one paragraph."
        )
    for line in text.splitlines():
        prefix = _NESTING_PREFIX.match(line).group(0).expandtabs(4)
        if prefix.count(">") + len(prefix.replace(">", "")) // 4 > MAX_NESTING:
            raise MarkdownError(
                f"Some lists or quotes are nested more than {MAX_NESTING} levels deep. "
                "Use fewer levels."
            )


def render_markdown(text):
    """Render editor Markdown to HTML that is safe to show to anyone.

    Headings get ids (an explicit `{#id}` wins, so the guide can link to a
    section that keeps its id when an editor rewords the heading). Raw HTML
    typed into the Markdown is escaped, so it shows as text, and the result is
    then cleaned by nh3 against an allowlist as a second line of defence. The
    page title is the only h1, so a `#` heading in the body loses its tag.

    Raises MarkdownError, with a message for the editor, for text beyond the
    bounds above or that the renderer fails on.
    """
    text = text or ""
    check_markdown(text)
    md = markdown.Markdown(
        extensions=["toc", "tables", "attr_list", "sane_lists"],
        # align="…" survives the allowlist; python-markdown's default style="…" would not.
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    # Without these two, python-markdown passes raw HTML straight through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    try:
        html = md.convert(text)
    except RecursionError as error:
        # A safety net behind check_markdown: never a 500 for an editor's text.
        raise MarkdownError(
            "This text is too deeply nested to show. Use fewer levels of lists or quotes."
        ) from error
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)
_HEADING_ID = re.compile(r'<h[2-6] id="([^"]+)">')
_TAG = re.compile(r"<[^>]+>")


def sections(html):
    """The (id, text) of each h2 in HTML made by render_markdown, for a contents list."""
    return [(id_, unescape(_TAG.sub("", text)).strip()) for id_, text in _H2.findall(html)]


def heading_ids(html):
    """The id of every heading, at every level, in HTML made by render_markdown."""
    return _HEADING_ID.findall(html)


_ROOT_HREF = re.compile(r'(<a\b[^>]*?\bhref=")(/[^/"][^"]*|/)(")')


def localise_links(html, language):
    """HTML whose links to the site's public pages lead to those pages in
    `language`: /pages/x/ becomes /fr/pages/x/ in a French text.

    A translation's Markdown links with the English addresses (content/starting/
    <lang>/ and translators write them so), and this runs when the translation
    is rendered (on save, not per request). An address is a public page's when
    content's URLconf answers it; others (the admin, static files, an address
    already under a language) are left as they are. The default language's
    addresses have no prefix: its text is returned unchanged.
    """
    if not language or languages.is_default(language):
        return html

    def prefixed(match):
        path = match.group(2)
        bare = path.split("#", 1)[0].split("?", 1)[0]
        try:
            resolve(bare, "content.urls")
        except Resolver404:
            return match.group(0)
        return f"{match.group(1)}/{language}{path}{match.group(3)}"

    return _ROOT_HREF.sub(prefixed, html)
