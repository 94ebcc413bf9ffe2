"""Move the hand-made earlier versions into django-simple-history, and give
every existing page, source, question, answer, glossary term and the site-wide
texts a first
history record, so the history starts from what is there today."""

from django.db import migrations
from django.utils import timezone


def move_revisions(apps, schema_editor):
    PageRevision = apps.get_model("content", "PageRevision")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    for revision in PageRevision.objects.select_related("page").order_by("saved_at", "pk"):
        page = revision.page
        kept = {f.attname for f in HistoricalPage._meta.concrete_fields}
        fields = {
            f.attname: getattr(page, f.attname)
            for f in page._meta.concrete_fields
            if f.attname in kept  # history leaves out derived fields (the search vector)
        }
        # The revision kept the wording and status; the rest is as the page has
        # it now. body_html is left empty: a restore renders the body again.
        fields.update(
            title=revision.title,
            summary=revision.summary,
            body=revision.body,
            body_html="",
            status=revision.status,
        )
        HistoricalPage.objects.create(
            **fields,
            history_date=revision.saved_at,
            history_type="~",
            history_user_id=revision.saved_by_id,
            history_change_reason="Earlier version (before sign-off)",
        )


def first_records(apps, schema_editor):
    now = timezone.now()
    for name in ["Page", "Source", "Question", "Answer", "SiteText", "Term"]:
        model = apps.get_model("content", name)
        historical = apps.get_model("content", f"Historical{name}")
        kept = {f.attname for f in historical._meta.concrete_fields}
        fields = [f.attname for f in model._meta.concrete_fields if f.attname in kept]
        historical.objects.bulk_create(
            historical(
                **{f: getattr(obj, f) for f in fields},
                history_date=now,
                history_type="+",
                history_change_reason="As it was when history began",
            )
            for obj in model.objects.all()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0014_history_and_sign_off"),
    ]

    operations = [
        # elidable: both only copy rows that exist into the history; a fresh
        # database has no earlier versions, and its history starts at the
        # first save.
        migrations.RunPython(move_revisions, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(first_records, migrations.RunPython.noop, elidable=True),
    ]
