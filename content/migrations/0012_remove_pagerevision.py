from django.db import migrations


class Migration(migrations.Migration):
    """Earlier versions now live in the pages' history (0011 moved them)."""

    dependencies = [
        ("content", "0011_page_revisions_into_history"),
    ]

    operations = [
        migrations.DeleteModel(name="PageRevision"),
    ]
