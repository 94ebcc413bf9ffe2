"""The site's starting content: Markdown files in content/starting/pages/ with a short
header of `key: value` lines between two `---` lines.

Read by the data migration that creates the pages on the first `migrate`, and
by the tests that check the files themselves.
"""

import datetime
from pathlib import Path

from content.rendering import render_markdown

PAGES_DIR = Path(__file__).resolve().parent / "pages"

# The date the starting pages were written from these sources (the first
# commit of content/starting/pages/): parents see it as "we read it on".
READ_ON = datetime.date(2026, 11, 22)

SOURCES = {
    # The text we used is the 2015 version of the PDQ summary as WebMD
    # republished it. Today's cancer.gov page says something different, so we
    # neither link to it nor give it our date.
    "nci": {
        "organisation": "National Cancer Institute (NCI), as republished by WebMD",
        "title": "Neuroblastoma Treatment (PDQ®) – Patient Version: treatment options for "
        "recurrent neuroblastoma (the 2015 version)",
        "url": "",
        "date": datetime.date(2015, 5, 28),
        "accessed": READ_ON,
    },
    "ccs": {
        "organisation": "Canadian Cancer Society",
        "title": "Treatments for recurrent neuroblastoma",
        "url": "https://cancer.ca/en/cancer-information/cancer-types/neuroblastoma/treatment",
        "date": None,
        "accessed": READ_ON,
    },
    # The plain meanings of medical words (chemotherapy, stem cell rescue…).
    "nci-dictionary": {
        "organisation": "National Cancer Institute (NCI)",
        "title": "NCI Dictionary of Cancer Terms (for the meanings of medical words)",
        "url": "https://www.cancer.gov/publications/dictionaries/cancer-terms",
        "date": None,
        "accessed": None,
    },
}


def parse_page_file(path):
    """Return the page's fields from one file, as plain data."""
    text = Path(path).read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    meta = {}
    for line in header.strip().splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return {
        "slug": Path(path).stem,
        "title": meta["title"],
        "summary": meta["summary"],
        "order": int(meta["order"]),
        "review_due": datetime.date.fromisoformat(meta["review_due"]),
        "sources": [SOURCES[key.strip()] for key in meta["sources"].split(",")],
        "body": body.lstrip("\n"),
    }


def starting_pages():
    return [parse_page_file(path) for path in sorted(PAGES_DIR.glob("*.md"))]


def load_starting_pages(page_model, source_model):
    """Create any starting page that doesn't exist yet, published, with its sources.

    No clinician has checked them yet, so they carry no review date.

    Takes the models as arguments so the data migration can pass its historical
    ones. A page that exists is left alone: an editor's changes are never
    overwritten.
    """
    for data in starting_pages():
        if page_model.objects.filter(slug=data["slug"]).exists():
            continue
        sources = data.pop("sources")
        if not page_model._meta.get_field("last_reviewed").null:
            # Migration 0002 runs before 0007 made this optional; 0007 clears it.
            data["last_reviewed"] = data["review_due"]
        page = page_model.objects.create(
            status="published", body_html=render_markdown(data["body"]), **data
        )
        create_sources(source_model, page, sources)


def create_sources(source_model, page, sources):
    """Add `sources` to `page`, leaving out fields an older historical model lacks
    (migration 0002 runs before Source had `accessed`)."""
    fields = {f.name for f in source_model._meta.get_fields()}
    for order, source in enumerate(sources):
        known = {k: v for k, v in source.items() if k in fields}
        source_model.objects.create(page=page, order=order, **known)
