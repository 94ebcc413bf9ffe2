"""One row per language: Page, Term, SiteText and Guide say their language and,
for a translation, the English row and the English words it was made from.
Addresses and glossary words are unique within a language."""

import django.db.models.deletion
from django.db import migrations, models

import content.languages


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0029_one_sign_off_cleanup"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="page",
            name="page_status_order",
        ),
        migrations.AddField(
            model_name="guide",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="guide",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="guide",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="guide",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="translations",
                to="content.guide",
            ),
        ),
        migrations.AddField(
            model_name="historicalguide",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="historicalguide",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="historicalguide",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="historicalguide",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="content.guide",
            ),
        ),
        migrations.AddField(
            model_name="historicalpage",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="historicalpage",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="historicalpage",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="historicalpage",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="content.page",
            ),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="content.sitetext",
            ),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="content.term",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="page",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="translations",
                to="content.page",
            ),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="translations",
                to="content.sitetext",
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="language",
            field=models.CharField(
                db_index=True,
                default=content.languages.default,
                editable=False,
                help_text="The language of this row's words.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="source_checked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the English text it was translated from was signed off.",
                null=True,
                verbose_name="English version checked at",
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="source_text",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="term",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The English original; empty on English rows.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="translations",
                to="content.term",
            ),
        ),
        migrations.AlterField(
            model_name="historicalterm",
            name="term",
            field=models.CharField(
                help_text="The word as parents meet it on the pages, e.g. 'bone marrow'.",
                max_length=80,
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="slug",
            field=models.SlugField(
                help_text="The page's address: /pages/this-slug/. Fills itself from the title. On a published page a new address waits for sign-off like the text; once it is live, the old address sends readers to the new one.",
                max_length=80,
            ),
        ),
        migrations.AlterField(
            model_name="term",
            name="slug",
            field=models.SlugField(
                help_text="Its address in the glossary: /glossary/#this-slug. Fills itself from the term.",
                max_length=80,
            ),
        ),
        migrations.AlterField(
            model_name="term",
            name="term",
            field=models.CharField(
                help_text="The word as parents meet it on the pages, e.g. 'bone marrow'.",
                max_length=80,
            ),
        ),
        migrations.AddIndex(
            model_name="page",
            index=models.Index(
                fields=["language", "status", "order", "title"], name="page_language_status_order"
            ),
        ),
        migrations.AddConstraint(
            model_name="page",
            constraint=models.UniqueConstraint(
                fields=("language", "slug"), name="page_slug_per_language"
            ),
        ),
        migrations.AddConstraint(
            model_name="term",
            constraint=models.UniqueConstraint(
                fields=("language", "term"), name="term_per_language"
            ),
        ),
        migrations.AddConstraint(
            model_name="term",
            constraint=models.UniqueConstraint(
                fields=("language", "slug"), name="term_slug_per_language"
            ),
        ),
    ]
