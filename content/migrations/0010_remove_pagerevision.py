from django.db import migrations


class Migration(migrations.Migration):
    """Earlier versions now live in the pages' history (0009 moved them)."""

    dependencies = [
        ("content", "0009_page_revisions_into_history"),
    ]

    operations = [
        migrations.DeleteModel(name="PageRevision"),
    ]
