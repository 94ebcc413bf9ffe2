from django.db import migrations

from content.starting.guide import load_starting_guide


def create_starting_guide(apps, schema_editor):
    created = load_starting_guide(
        apps.get_model("content", "Question"),
        apps.get_model("content", "Answer"),
        apps.get_model("content", "Page"),
    )
    if not created:
        print(
            "\n  The starting guide was not created: a page it leads to is missing or not "
            "published. Add the questions in the admin."
        )


class Migration(migrations.Migration):
    dependencies = [("content", "0003_guide")]

    # elidable: the squashed migration loads the starting content itself, from
    # the files and its own frozen copy, without importing the app's code.
    operations = [
        migrations.RunPython(create_starting_guide, migrations.RunPython.noop, elidable=True)
    ]
