"""Each page is searched in its own language, with accents ignored.

PostgreSQL only: every page's search vector is emptied here, and made again
with its language's text search configuration and its text folded
(content.models.pages.search_vector) by
`Page.objects.fill_missing_search_vectors`, which runs after every
migrate and so also indexes pages later data migrations write. SQLite's
index already ignores accents and is kept by triggers.
"""

from django.db import migrations


def forget_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        apps.get_model("content", "Page").objects.update(search_vector=None)


class Migration(migrations.Migration):
    dependencies = [("content", "0031_guide_id_sequence")]

    operations = [migrations.RunPython(forget_vectors, migrations.RunPython.noop)]
