"""Markdown to safe HTML: the one function that saving a page, the admin's
live preview and the tests all call."""

import re
from html import unescape

import markdown
import nh3

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

# Ids the site's templates use; a heading in the body must not take one.
RESERVED_IDS = {
    "main-content", "contents-heading", "sources-heading", "start-heading",
    "pages-heading", "result-heading", "error-summary-title", "worried-now-heading",
    "who-heading", "contact-heading", "words-heading", "search-help-heading",
    "results-pages-heading", "results-words-heading",
}  # fmt: skip


def render_markdown(text):
    """Render editor Markdown to HTML that is safe to show to anyone.

    Headings get ids (an explicit `{#id}` wins, so the guide can link to a
    section that keeps its id when an editor rewords the heading). Raw HTML
    typed into the Markdown is escaped, so it shows as text, and the result is
    then cleaned by nh3 against an allowlist as a second line of defence. The
    page title is the only h1, so a `#` heading in the body loses its tag.
    """
    md = markdown.Markdown(
        extensions=["toc", "tables", "attr_list", "sane_lists"],
        # align="…" survives the allowlist; python-markdown's default style="…" would not.
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    # Without these two, python-markdown passes raw HTML straight through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return nh3.clean(
        md.convert(text or ""),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def sections(html):
    """The (id, text) of each h2 in HTML made by render_markdown, for a contents list."""
    return [(id_, unescape(_TAG.sub("", text)).strip()) for id_, text in _H2.findall(html)]


_PAGE_LINK = re.compile(r'href="/pages/([\w-]+)/')


def linked_slugs(html):
    """Slugs of the site's pages that `html` links to, in the order they first appear."""
    return tuple(dict.fromkeys(_PAGE_LINK.findall(html)))
