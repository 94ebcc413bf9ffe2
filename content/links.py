"""Links between pages, read from a page's HTML: what a page links to, and
which links are broken. Plain functions over text: no model, no query.

Each page stores its outgoing links and its section ids when it is saved
(`Page.links`, `Page.anchors`, filled by `Page.save`), so finding the pages
that link to one page reads those short lists, not every page's text
(`Page.objects.linking_pages`; `Page.objects.check_published_links` runs
`check_links` over the published pages).

A stored link is a string: "slug" for a page, "slug#section" for a section of
it, "#section" for a section of the same page.
"""

import re
from dataclasses import dataclass, field

from content.glossary import LINK_PREFIX
from content.rendering import template_ids

_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
_PAGE_PATH = re.compile(r"^/pages/([\w-]+)/?(?:#(.*))?$")
_SAME_PAGE = re.compile(r"^#(.+)$")
_ID = re.compile(r'\bid="([^"]+)"')

# Ids the public templates give pages (the contents and sources headings…):
# a link to them works although no heading in the body has them.
PAGE_TEMPLATE_IDS = frozenset(template_ids(public_only=True))


@dataclass(frozen=True)
class Link:
    slug: str  # "" for a section of the same page
    section: str = ""

    def __str__(self):
        return f"{self.slug}#{self.section}" if self.section else self.slug

    @classmethod
    def parse(cls, stored):
        slug, _, section = stored.partition("#")
        return cls(slug, section)

    def address(self, own_slug=""):
        """The link as the reader's browser sees it, e.g. /pages/cns/#risk-groups.

        The one place outside the URLconf that writes a page's address (links
        in Markdown are plain text, read back by _PAGE_PATH); a test holds it
        to reverse("content:page")."""
        path = f"/pages/{self.slug or own_slug}/"
        return f"{path}#{self.section}" if self.section else path


def links_in(html):
    """The internal links in HTML made by render_markdown, in order, without repeats."""
    found = []
    for href in _HREF.findall(html or ""):
        page = _PAGE_PATH.match(href)
        same = _SAME_PAGE.match(href)
        if page:
            found.append(str(Link(page.group(1), page.group(2) or "")))
        elif same and not same.group(1).startswith(LINK_PREFIX):
            # "#word-…" links are the glossary's own (content/glossary.py); their
            # targets are the words listed at the foot of the same page.
            found.append(str(Link("", same.group(1))))
    return list(dict.fromkeys(found))


def anchors_in(html):
    """Every id a link can point at in HTML made by render_markdown."""
    return list(dict.fromkeys(_ID.findall(html or "")))


@dataclass
class Linker:
    """A page whose text links to another page."""

    pk: int
    title: str
    slug: str
    old_addresses: list = field(default_factory=list)  # old slugs its links still use


def titles(pages):
    """“A”, “B” and “C”: page titles for a sentence."""
    quoted = [f"“{p.title}”" for p in pages]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


@dataclass(frozen=True)
class BrokenLink:
    page_title: str
    page_slug: str
    link: Link
    reason: str

    def __str__(self):
        address = self.link.address(self.page_slug)
        page = Link(self.page_slug).address()
        return f"“{self.page_title}” ({page}) links to {address}: {self.reason}"


def check_links(pages, moved):
    """Every broken internal link in `pages` (each with a title, slug and
    body_html), and every link that still uses an old address (it works,
    through a redirect, but should be changed). `moved` is {old slug: slug}.

    Reads the rendered text, not the stored lists, so a list that went stale
    cannot hide a broken link. Returns (broken, old, checked count).
    """
    anchors = {p.slug: set(anchors_in(p.body_html)) | PAGE_TEMPLATE_IDS for p in pages}
    broken, old, checked = [], [], 0
    for page in pages:
        for stored in links_in(page.body_html):
            checked += 1
            link = Link.parse(stored)
            slug = link.slug or page.slug
            if slug not in anchors and slug in moved:
                reason = f"that page moved to {Link(moved[slug]).address()}"
                old.append(BrokenLink(page.title, page.slug, link, reason))
                slug = moved[slug]
            if slug not in anchors:
                broken.append(BrokenLink(page.title, page.slug, link, "no published page there"))
            elif link.section and link.section not in anchors[slug]:
                reason = f"the page has no section “{link.section}”"
                broken.append(BrokenLink(page.title, page.slug, link, reason))
    return broken, old, checked
