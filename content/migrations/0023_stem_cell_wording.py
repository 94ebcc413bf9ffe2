"""One sentence on the intermediate-risk page said more than its source: the
team *usually* collects the child's own stem cells (the NCI Dictionary's
"stem cell rescue"), as the high-risk page already says.

Changed only where the sentence is still the starting one and no clinician has
signed the page off (their check was of the words they read); otherwise left
as it is and named in the output, for an editor.
"""

from django.db import migrations

from content.rendering import render_markdown

SLUG = "intermediate-risk"
OLD = "first, the team collects and stores some of your child's own stem cells"
NEW = "first, the team usually collects and stores some of your child's own stem cells"


def usually(page_model, report=print):
    page = page_model.objects.filter(slug=SLUG, body__contains=OLD).first()
    if page is None:
        return  # a fresh database already has the new words, or an editor changed them
    if page.checked_at is not None:
        report(f"Page “{SLUG}”: signed off by a clinician, so “usually” was not added.")
        return
    page.body = page.body.replace(OLD, NEW)
    page.body_html = render_markdown(page.body)  # glossary links follow after migrate
    page.save(update_fields=["body", "body_html"])
    report(f"Page “{SLUG}”: “usually” added to the stem cell sentence.")


def forwards(apps, schema_editor):
    usually(apps.get_model("content", "Page"), report=lambda line: print(f"\n  {line}"))


class Migration(migrations.Migration):
    dependencies = [("content", "0022_content_version")]

    # elidable: it only rewords an existing page; the starting file has the words.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
