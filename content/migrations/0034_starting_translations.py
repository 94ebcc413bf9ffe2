"""The starting content in each language the settings name, as UNCHECKED
translations of the English starting content (content/starting/translations.py).

Which languages: each directory content/starting/<code>/ whose code is in
settings.LANGUAGES when the migration runs. A folder for a language the site
does not serve is left out: its rows could not be read by anyone (every query
a parent's page makes asks for one of the settings' languages) and no reviewer
could be given that language to sign them off. A site that adds a language
later loads its starting words with the same loader (docs/translating.md).

Each translated page, word, site text and guide words are published, with
`source_text` the English words they were made from and `source_checked_at`
when those were signed off, and say on every page that no clinician who reads
the language has checked them yet. Rows that exist are left alone, so an
editor's or translator's words are never overwritten.

Why this runs app code (the loader, content.rendering and content.links) when
0028 does not: the files are read by path and the rows made through the
historical models (apps.get_model), but the HTML parents read is derived from
the Markdown by content.rendering.render_markdown, the one sanitising renderer
(nh3 with the site's allowlist). A frozen copy of it in a migration would be a
second HTML sanitiser to keep safe, and a stale one would write HTML the site
no longer allows. The HTML is derived data: after every `migrate`,
content.apps.link_glossary_after_migrate renders and links every page again
with today's code, so what this migration writes is never what a parent
reads for long. The words themselves (the source text a translation is
compared with) are frozen in the loader, not read from content/review/.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

REASON = "Starting translation, not yet checked by a clinician who reads the language"


def _recorder(apps, when):
    def record(name, row):
        model = apps.get_model("content", name)
        historical = apps.get_model("content", f"Historical{name}")
        kept = {f.attname for f in historical._meta.concrete_fields}
        historical.objects.create(
            **{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields
               if f.attname in kept},
            history_date=when,
            history_type="+",
            history_change_reason=REASON,
        )  # fmt: skip

    return record


def forwards(apps, schema_editor):
    from content.starting.translations import load_starting_translations

    codes = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    load_starting_translations(
        lambda name: apps.get_model("content", name),
        codes,
        settings.LANGUAGE_CODE,
        record=_recorder(apps, timezone.now()),
    )
    # PostgreSQL's search vectors: content.search.vector.ensure, after migrate.


def backwards(apps, schema_editor):
    """Back to before the starting translations: every translation goes, as
    before 0030 no row can say its language (and a word spelt the same in two
    languages, such as "ch14.18", would break that older uniqueness)."""
    for name in ("Page", "Term", "SiteText", "Guide"):
        model = apps.get_model("content", name)
        model.objects.exclude(language=settings.LANGUAGE_CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0033_reviewer_languages")]

    operations = [migrations.RunPython(forwards, backwards)]
