"""What PostgreSQL searches for a page: its stored, indexed search vector.

Page.save() fills `Page.search_vector` from this on PostgreSQL (a GIN index
keeps it quick); SQLite has its own index instead (`sqlite_index.py`). No
model is imported here, so the Page model module can use it.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import TextField, Value

from content.readability import plain_text

# PostgreSQL's text search configuration for the site's language.
SEARCH_CONFIG = "english"


def search_vector(title, summary, body_html):
    """Title weighs most, then summary, then text."""
    return (
        SearchVector(Value(title, output_field=TextField()), weight="A", config=SEARCH_CONFIG)
        + SearchVector(Value(summary, output_field=TextField()), weight="B", config=SEARCH_CONFIG)
        + SearchVector(
            Value(plain_text(body_html), output_field=TextField()),
            weight="C",
            config=SEARCH_CONFIG,
        )
    )
