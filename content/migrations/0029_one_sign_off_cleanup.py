"""The old page-only waiting changes are gone: their rows moved to Change (0028)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("content", "0028_one_sign_off_data")]

    operations = [
        migrations.RemoveField(
            model_name="historicalpagechange",
            name="commented_by",
        ),
        migrations.RemoveField(
            model_name="historicalpagechange",
            name="history_user",
        ),
        migrations.RemoveField(
            model_name="historicalpagechange",
            name="page",
        ),
        migrations.RemoveField(
            model_name="historicalpagechange",
            name="saved_by",
        ),
        migrations.RemoveField(
            model_name="pagechange",
            name="commented_by",
        ),
        migrations.RemoveField(
            model_name="pagechange",
            name="page",
        ),
        migrations.RemoveField(
            model_name="pagechange",
            name="saved_by",
        ),
        migrations.RemoveField(
            model_name="reviewdecision",
            name="page",
        ),
        migrations.DeleteModel(
            name="HistoricalPageChange",
        ),
        migrations.DeleteModel(
            name="PageChange",
        ),
        migrations.AlterField(
            model_name="reviewdecision",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
            ),
        ),
        migrations.AlterField(
            model_name="reviewdecision",
            name="object_id",
            field=models.PositiveIntegerField(),
        ),
    ]
