from django.db import migrations

from content.starting.glossary import load_starting_glossary


def create_starting_glossary(apps, schema_editor):
    load_starting_glossary(apps.get_model("content", "Term"), apps.get_model("content", "Page"))


class Migration(migrations.Migration):
    dependencies = [("content", "0012_search_index")]

    # elidable: the squashed migration loads the starting content itself, from
    # the files and its own frozen copy, without importing the app's code.
    operations = [
        migrations.RunPython(create_starting_glossary, migrations.RunPython.noop, elidable=True)
    ]
