from django.db import migrations

from content.starting.glossary import load_starting_glossary


def create_starting_glossary(apps, schema_editor):
    load_starting_glossary(apps.get_model("content", "Term"), apps.get_model("content", "Page"))


class Migration(migrations.Migration):
    dependencies = [("content", "0012_search_index")]

    operations = [migrations.RunPython(create_starting_glossary, migrations.RunPython.noop)]
