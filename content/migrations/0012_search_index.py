"""A GIN index on the pages' search vector, and the vectors of pages that exist.

PostgreSQL only: on SQLite the column stays empty and search ranks matching
words instead (content/search.py), so both steps do nothing there.
"""

from django.db import migrations

from content.models.pages import search_vector

INDEX = "content_page_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON content_page USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def fill_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    page_model = apps.get_model("content", "Page")
    for page in page_model.objects.all():
        page_model.objects.filter(pk=page.pk).update(
            search_vector=search_vector(page.title, page.summary, page.body_html)
        )


class Migration(migrations.Migration):
    dependencies = [("content", "0011_glossary_and_search")]

    operations = [
        migrations.RunPython(create_index, drop_index),
        # elidable: it fills the vectors of pages that exist; a fresh database's
        # pages are made with theirs. The index above is schema and stays.
        migrations.RunPython(fill_vectors, migrations.RunPython.noop, elidable=True),
    ]
