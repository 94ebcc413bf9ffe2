from django.db import migrations

from content.starting.pages import load_starting_pages


def create_starting_pages(apps, schema_editor):
    load_starting_pages(apps.get_model("content", "Page"), apps.get_model("content", "Source"))


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    # elidable: the squashed migration loads the starting content itself, from
    # the files and its own frozen copy, without importing the app's code.
    operations = [
        migrations.RunPython(create_starting_pages, migrations.RunPython.noop, elidable=True)
    ]
