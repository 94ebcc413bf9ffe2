"""The languages each reviewer reads, and the language of each waiting change and
decision: only a reviewer who reads a translation's language may sign it off."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import content.languages


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0032_search_per_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="change",
            name="language",
            field=models.CharField(default=content.languages.default, max_length=12),
        ),
        migrations.AddField(
            model_name="historicalchange",
            name="language",
            field=models.CharField(default=content.languages.default, max_length=12),
        ),
        migrations.AddField(
            model_name="reviewdecision",
            name="language",
            field=models.CharField(default=content.languages.default, max_length=12),
        ),
        migrations.CreateModel(
            name="ReviewerLanguages",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "languages",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="The languages, besides English, this person reads well enough to check a medical translation. Only a medical reviewer who reads a translation's language may sign it off.",
                        verbose_name="reads",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviewer_languages",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "languages read",
                "verbose_name_plural": "languages read",
            },
        ),
    ]
