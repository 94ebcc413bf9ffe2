"""Move sign-off onto the one mechanism for every kind of text.

Self-contained: it reads the old rows through the historical models and
imports no code of the app, so a fresh install and an upgraded one run the
same steps.
- each change waiting for a page becomes a Change (authors: the people who
  saved its text, not the reviewer who sent it back);
- each never-published page becomes a submitted Change (it was in the
  reviewers' queue);
- each review decision names its item by content type;
- the glossary's words, all visible until now, stay published;
- the guide's questions and answers are copied as the guide parents use.
"""

from django.db import migrations
from django.db.models import F

QUESTION_FIELDS = ("key", "text", "hint", "summary_label", "error_message")
ANSWER_FIELDS = ("key", "label", "hint", "is_unsure", "section", "reason", "result_note")
SOURCE_FIELDS = ("organisation", "title", "url", "date", "accessed", "order")


def normalise(value):
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def source_data(source):
    data = {}
    for name in SOURCE_FIELDS:
        value = source.get(name) if isinstance(source, dict) else getattr(source, name)
        if name in ("date", "accessed"):
            value = value.isoformat() if hasattr(value, "isoformat") else (value or "")
        elif name == "order":
            value = int(value or 0)
        else:
            value = value or ""
        data[name] = value
    return data


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("content", "Page")
    Source = apps.get_model("content", "Source")
    PageChange = apps.get_model("content", "PageChange")
    HistoricalPageChange = apps.get_model("content", "HistoricalPageChange")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    Change = apps.get_model("content", "Change")
    ReviewDecision = apps.get_model("content", "ReviewDecision")
    Term = apps.get_model("content", "Term")
    Guide = apps.get_model("content", "Guide")
    Question = apps.get_model("content", "Question")
    Answer = apps.get_model("content", "Answer")

    page_type, _ = ContentType.objects.get_or_create(app_label="content", model="page")
    ContentType.objects.get_or_create(app_label="content", model="guide")
    ReviewDecision.objects.update(content_type=page_type, object_id=F("page_id"))

    for waiting in PageChange.objects.all():
        records = HistoricalPageChange.objects.filter(id=waiting.id)
        writers = {
            r.history_user_id
            for r in records
            if r.history_user_id and r.history_change_reason != "Sent back"
        }
        page = Page.objects.get(pk=waiting.page_id)
        Change.objects.create(
            content_type=page_type,
            object_id=page.pk,
            title=waiting.title,
            data=normalise(
                {
                    "title": waiting.title,
                    "slug": page.slug,
                    "summary": waiting.summary,
                    "body": waiting.body,
                    "sources": sorted(
                        (source_data(s) for s in waiting.sources), key=lambda s: s["order"]
                    ),
                }
            ),
            state="sent_back" if waiting.state == "sent_back" else "submitted",
            authors=sorted(writers),
            saved_by_id=waiting.saved_by_id,
            saved_at=waiting.saved_at,
            submitted_at=waiting.saved_at,
            reviewer_comment=waiting.reviewer_comment,
            commented_by_id=waiting.commented_by_id,
            commented_at=waiting.commented_at,
        )

    for page in Page.objects.exclude(status="published"):
        if Change.objects.filter(content_type=page_type, object_id=page.pk).exists():
            continue
        writers = sorted(
            {
                r.history_user_id
                for r in HistoricalPage.objects.filter(id=page.pk)
                if r.history_user_id
            }
        )
        page.text_authors = writers
        page.save(update_fields=["text_authors"])
        sources = Source.objects.filter(page_id=page.pk)
        Change.objects.create(
            content_type=page_type,
            object_id=page.pk,
            title=page.title,
            data=normalise(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "summary": page.summary,
                    "body": page.body,
                    "sources": sorted((source_data(s) for s in sources), key=lambda s: s["order"]),
                }
            ),
            state="submitted",
            authors=writers,
            saved_by_id=writers[-1] if writers else None,
            saved_at=page.updated,
            submitted_at=page.updated,
        )

    Term.objects.update(published=True)

    questions = []
    for question in Question.objects.order_by("order", "pk"):
        answers = []
        for answer in Answer.objects.filter(question_id=question.pk).order_by("order", "pk"):
            answers.append(
                {
                    **{name: getattr(answer, name) for name in ANSWER_FIELDS},
                    "next_question": Question.objects.get(pk=answer.next_question_id).key
                    if answer.next_question_id
                    else None,
                    "page": Page.objects.get(pk=answer.page_id).slug if answer.page_id else None,
                    "page_id": answer.page_id,
                }
            )
        questions.append(
            {**{name: getattr(question, name) for name in QUESTION_FIELDS}, "answers": answers}
        )
    Guide.objects.update_or_create(pk=1, defaults={"questions": normalise(questions)})


class Migration(migrations.Migration):
    dependencies = [("content", "0027_one_sign_off")]

    # elidable: it only moves rows that exist onto the new tables; a fresh
    # database is loaded with its guide row and published glossary directly.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
