"""Put PostgreSQL's id sequence for the guide past the rows that exist.

An older data migration (0028, on databases made before the squash) wrote
the English guide's id by hand, which leaves the sequence at its start: the
first guide row made afterwards (a translation's words) would take id 1
again and fail. Django's own sequence reset SQL mends it; other databases
need nothing.
"""

from django.core.management.color import no_style
from django.db import migrations


def reset_guide_sequence(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    guide = apps.get_model("content", "Guide")
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [guide]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("content", "0030_translations")]

    operations = [migrations.RunPython(reset_guide_sequence, migrations.RunPython.noop)]
