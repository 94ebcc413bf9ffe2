"""pg_trgm, for search's "Did you mean …?" on PostgreSQL (content/search/suggestions.py).

Does nothing on SQLite, which compares words with difflib instead. After it
runs, `migrate` links glossary words on every page again (content/apps.py):
pages now link each word once per page, where they linked it once per section.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class TrigramExtensionOnPostgres(TrigramExtension):
    # Django checks the database only going forwards: going back on SQLite
    # it would look for PostgreSQL's catalogue.
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("content", "0023_stem_cell_wording")]

    operations = [TrigramExtensionOnPostgres()]
