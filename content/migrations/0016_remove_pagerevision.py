from django.db import migrations


class Migration(migrations.Migration):
    """Earlier versions now live in the pages' history (0012 moved them)."""

    dependencies = [
        ("content", "0015_page_revisions_into_history"),
    ]

    operations = [
        migrations.DeleteModel(name="PageRevision"),
    ]
