"""The "If you are worried right now" box named no warning sign, said nothing
for a family with no 24-hour number or no answer, and did not say what an
emergency is; it showed on content pages and the guide's result only. The
starting text gains all three (a fever above all, with no temperature: centres
differ), and the About page says how old the sources are, that the site is not
written for one country, that some pages are not yet checked (first), and on
what the box rests.

The row changes only where it still holds the starting text (an organisation
may have written its own); each of the two texts is checked on its own. Its
history records why. The admin's help text says what the box must hold and
that its source is still to be named.
"""

import markdownx.models
from django.db import migrations
from django.utils import timezone

from content.rendering import render_markdown
from content.starting.site_text import ABOUT, WORRIED_NOW

OLD_WORRIED_NOW = "If your child is unwell, or you are frightened for them now, call your child's treatment centre on the 24-hour number they gave you.\n\nIn an emergency, call your local emergency number.\n"

OLD_ABOUT = "## What this site is for\n\nThis site is for parents and carers whose child's neuroblastoma has come back. It explains, in plain words, what this means and how it may be treated. It gives general information. It does not replace your child's care team.\n\n## How we write our pages {#how-we-write}\n\nWe write each page in our own words, from named sources. The medical facts come from the National Cancer Institute and the Canadian Cancer Society. For the meaning of medical words we use the National Cancer Institute's Dictionary of Cancer Terms. Each page lists its sources at the bottom, with their dates.\n\nBefore a page is published, we check that no sentence copies a source, and that the page is easy to read.\n\n## How pages are checked {#how-pages-are-checked}\n\nA clinician (a doctor or nurse) checks each page against its sources and signs it off. They check it again when its review is due: we aim to review each page at least once a year. Each page shows when it was last checked and when its next review is due. Some pages may not have been checked by a clinician yet: those pages say so clearly.\n\n## What we do with your information {#your-data}\n\nWe do not store anything you tell the guide. You do not need an account, and the public pages set no cookies. Our records of visits leave out your answers.\n\nYour answers to the guide are kept only in the web address of its pages. This means they may show in your browser's history, or in a bookmark if you save one. To remove them, clear your browser's history. In most browsers you can do this from the settings, under \"Privacy\" or \"History\". A private or incognito window keeps no history.\n"

# At most 100 characters: simple-history's column for the reason.
REASON = "Starting text: warning signs, no answer, emergencies; About: sources' age, country"


def _same(stored, starting):
    # The admin's textarea sends \r\n: a text saved without a change is unchanged.
    return stored.replace("\r\n", "\n").strip() == starting.strip()


def update_site_text(site_text_model, historical_model, report=print):
    row = site_text_model.objects.order_by("pk").first()
    if row is None:
        return
    changed = []
    if _same(row.worried_now, OLD_WORRIED_NOW):
        row.worried_now, row.worried_now_html = WORRIED_NOW, render_markdown(WORRIED_NOW)
        changed.append("worried_now")
    elif not _same(row.worried_now, WORRIED_NOW):
        report(
            "The “If you are worried right now” box was written by your organisation: left "
            "as it is. Check that it names the warning signs (a fever above all), what to "
            "do with no answer, and what is an emergency."
        )
    if _same(row.about, OLD_ABOUT):
        row.about, row.about_html = ABOUT, render_markdown(ABOUT)
        changed.append("about")
    elif not _same(row.about, ABOUT):
        report("The About text was written by your organisation: left as it is.")
    if not changed:
        return
    row.updated = timezone.now()
    # update(), not save(): the one history record is the one below, with its reason.
    fields = [*changed, *(f"{c}_html" for c in changed), "updated"]
    site_text_model.objects.filter(pk=row.pk).update(**{f: getattr(row, f) for f in fields})
    kept = {f.attname for f in historical_model._meta.concrete_fields}
    historical_model.objects.create(
        **{
            f.attname: getattr(row, f.attname)
            for f in site_text_model._meta.concrete_fields
            if f.attname in kept
        },
        history_date=row.updated,
        history_type="~",
        history_change_reason=REASON,
    )
    report(f"Site-wide texts: {' and '.join(changed)} updated to the new starting text.")


def forwards(apps, schema_editor):
    update_site_text(
        apps.get_model("content", "SiteText"),
        apps.get_model("content", "HistoricalSiteText"),
        report=lambda line: print(f"\n  {line}"),
    )


class Migration(migrations.Migration):
    dependencies = [("content", "0024_trigram_extension")]

    operations = [
        migrations.AlterField(
            model_name="historicalsitetext",
            name="worried_now",
            field=markdownx.models.MarkdownxField(
                help_text="Shown near the top of every public page, as a box that opens. Say calmly what to do now, in the imperative: the warning signs (a fever above all, with no temperature), what to do with no 24-hour number or no answer, and what is an emergency. Only give a phone number your organisation is sure is right for every parent who reads the site. Its source: the site's two sources do not cover these signs, and no guide is named yet. A clinician checks this text against a named \"when to call\" guide (the treatment centre's own, or a national children's cancer body's), and the About page's section on this box names it.",
                verbose_name='"If you are worried right now" box',
            ),
        ),
        migrations.AlterField(
            model_name="sitetext",
            name="worried_now",
            field=markdownx.models.MarkdownxField(
                help_text="Shown near the top of every public page, as a box that opens. Say calmly what to do now, in the imperative: the warning signs (a fever above all, with no temperature), what to do with no 24-hour number or no answer, and what is an emergency. Only give a phone number your organisation is sure is right for every parent who reads the site. Its source: the site's two sources do not cover these signs, and no guide is named yet. A clinician checks this text against a named \"when to call\" guide (the treatment centre's own, or a national children's cancer body's), and the About page's section on this box names it.",
                verbose_name='"If you are worried right now" box',
            ),
        ),
        # elidable: it only rewrites an existing row still holding the old
        # starting text; a fresh database is loaded with the new one.
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True),
    ]
