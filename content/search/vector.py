"""What PostgreSQL searches for a page: its stored, indexed search vector.

Page.save() fills `Page.search_vector` from this on PostgreSQL (a GIN index
keeps it quick); SQLite has its own index instead (`sqlite_index.py`). Each
page is indexed with its own language's text search configuration
(content.languages.search_config: "french", "spanish", "simple" for a
language PostgreSQL has none for), and its text folded (no accents), as
queries are (`ranking.py`). No model is imported here, so the Page model
module can use it.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.db.models import TextField, Value

from content import languages
from content.readability import plain_text
from content.search.folding import fold


def search_vector(title, summary, body_html, language=None):
    """Title weighs most, then summary, then text."""
    config = languages.search_config(language or languages.default())

    def part(text, weight):
        return SearchVector(
            Value(fold(text), output_field=TextField()), weight=weight, config=config
        )

    return part(title, "A") + part(summary, "B") + part(plain_text(body_html), "C")


# Pages whose vector is missing are indexed after every migrate, a batch at a time.
BATCH = 500


def ensure(using="default"):
    """Fill the vector of every page that has none; returns how many were filled.

    Data migrations write pages with historical models, which never run
    Page.save() (starting translations, a rewrite of the pages' words), and
    a migration that changes how pages are indexed empties every vector: so
    this runs after every migrate, whatever order the migrations ran in.
    PostgreSQL only.
    """
    from content.models import Page  # the models import this module

    if connections[using].vendor != "postgresql":
        return 0
    filled = 0
    missing = Page.objects.using(using).filter(search_vector__isnull=True)
    while batch := list(
        missing.order_by("pk").values_list("pk", "title", "summary", "body_html", "language")[
            :BATCH
        ]
    ):
        for pk, title, summary, body_html, language in batch:
            Page.objects.using(using).filter(pk=pk).update(
                search_vector=search_vector(title, summary, body_html, language)
            )
        filled += len(batch)
    return filled
