"""Bring the starting pages, their sources and the starting guide up to date with
the rewritten files (every sentence in our own words, honest sources, a
path for cancer growing during treatment), and create the site-wide texts.

Only what no editor has changed is updated. The texts as migrations 0002 and 0004
first created them are frozen here as fingerprints; a row that no longer matches
them was changed by an editor, so it is left alone and named in the output. An
editor's words are never overwritten.

The new texts come from the starting files (content/starting/pages/*.md,
content/starting/guide.py). On a fresh database 0002 and 0004 already loaded
them, so only the sources' new "read on" dates are added here.
"""

import hashlib
import json

from django.db import migrations

from content.rendering import render_markdown
from content.starting.guide import QUESTIONS
from content.starting.pages import create_sources, starting_pages
from content.starting.site_text import load_starting_site_text

# Fingerprints of what 0002 and 0004 created (main on 2026-12-01, commit 9e2a84c).
ORIGINAL_PAGES = {
    "clinical-trials": "df25d704b2d30e57",
    "cns": "7ab5a12c0a6be5e7",
    "high-risk": "bf451393465c397e",
    "intermediate-risk": "36e94c8ecc769d4e",
    "low-risk": "cce3bbeb19d481e8",
    "what-is-recurrence": "9377d6e794b5f1ad",
}
ORIGINAL_SOURCES = {
    "clinical-trials": "7921c69c7918dd23",
    "cns": "7921c69c7918dd23",
    "high-risk": "7921c69c7918dd23",
    "intermediate-risk": "805438885330c5b6",
    "low-risk": "805438885330c5b6",
    "what-is-recurrence": "7921c69c7918dd23",
}
ORIGINAL_QUESTIONS = {
    "where": "ef0685a635381e07",
    "risk-group": "7588855e95293ac4",
}
ORIGINAL_ANSWERS = {
    ("where", "brain"): "f5631b9fe70da53a",
    ("where", "one-place"): "013c04530d39df5e",
    ("where", "spread"): "be40681eb9ac696a",
    ("where", "not-sure"): "cd29080cfb36cbfa",
    ("risk-group", "low"): "67851cfadd8150a6",
    ("risk-group", "intermediate"): "0a6356cecad4ca13",
    ("risk-group", "high"): "d52fa8cc4db337ec",
    ("risk-group", "not-sure"): "dc65a3acd78da28a",
}


def fingerprint(*parts):
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


def _text(body):
    # The admin's textarea sends \r\n: a page saved without a change is unchanged.
    return body.replace("\r\n", "\n").strip()


def page_fingerprint(title, summary, body):
    return fingerprint(title, summary, _text(body))


def sources_fingerprint(sources):
    return fingerprint(
        *[
            (s["organisation"], s["title"], s["url"], s["date"].isoformat() if s["date"] else None)
            for s in sources
        ]
    )


def question_fingerprint(q):
    return fingerprint(q["text"], q["hint"], q["summary_label"], q["error_message"])


def answer_fingerprint(a):
    return fingerprint(
        a["label"],
        a.get("hint", ""),
        a["reason"],
        a.get("result_note", ""),
        a.get("section", ""),
        a.get("is_unsure", False),
        a.get("page"),
        a.get("next_question"),
    )


def update_pages(page_model, source_model, report):
    for new in starting_pages():
        slug = new["slug"]
        page = page_model.objects.filter(slug=slug).first()
        if page is None:
            report(f"Page “{slug}” no longer exists: not recreated.")
            continue
        now = page_fingerprint(page.title, page.summary, page.body)
        if now == page_fingerprint(new["title"], new["summary"], new["body"]):
            pass  # already the new text (a fresh database)
        elif now == ORIGINAL_PAGES[slug]:
            page.title, page.summary, page.body = new["title"], new["summary"], new["body"]
            page.body_html = render_markdown(new["body"])
            message = f"Page “{slug}”: updated to the rewritten text."
            if page.checked_at is not None:
                # The clinician checked the old words, not these: say so to parents.
                page.checked_at, page.checked_by_role, page.last_reviewed = None, "", None
                message += " Its sign-off was cleared: a clinician needs to check it again."
            page.save()
            report(message)
        else:
            report(f"Page “{slug}” was changed by an editor: left as it is, with its sources.")
            continue
        current = [
            {"organisation": s.organisation, "title": s.title, "url": s.url, "date": s.date}
            for s in page.sources.order_by("order", "pk")
        ]
        has_new_dates = all(
            s.accessed == n.get("accessed")
            for s, n in zip(page.sources.order_by("order", "pk"), new["sources"], strict=False)
        )
        if sources_fingerprint(current) == sources_fingerprint(new["sources"]) and has_new_dates:
            continue
        if sources_fingerprint(current) in (
            ORIGINAL_SOURCES[slug],
            sources_fingerprint(new["sources"]),
        ):
            page.sources.all().delete()
            create_sources(source_model, page, new["sources"])
        else:
            report(f"Sources of page “{slug}” were changed by an editor: left as they are.")


def update_guide(question_model, answer_model, page_model, report):
    for data in QUESTIONS:
        question = question_model.objects.filter(key=data["key"]).first()
        if question is None:
            report(f"Guide question “{data['key']}” no longer exists: not recreated.")
            continue
        fields = {
            k: getattr(question, k) for k in ("text", "hint", "summary_label", "error_message")
        }
        now = question_fingerprint(fields)
        if now == ORIGINAL_QUESTIONS[data["key"]]:
            for name in fields:
                setattr(question, name, data[name])
            question.save()
            report(f"Guide question “{data['key']}”: updated.")
        elif now != question_fingerprint(data):
            report(f"Guide question “{data['key']}” was changed by an editor: left as it is.")
            continue
        for order, new in enumerate(data["answers"]):
            _update_answer(question, order, new, answer_model, question_model, page_model, report)


def _update_answer(question, order, new, answer_model, question_model, page_model, report):
    name = f"Guide answer “{question.key} = {new['key']}”"
    answer = (
        answer_model.objects.filter(question=question, key=new["key"])
        .select_related("page", "next_question")
        .first()
    )
    target = page_model.objects.filter(slug=new.get("page"), status="published").first()
    if new.get("page") and target is None:
        report(f"{name}: its page “{new['page']}” is missing or unpublished, so not changed.")
        return
    section = new.get("section", "")
    if target is not None and section and f'id="{section}"' not in target.body_html:
        section = ""  # an editor changed that page: open it at the top instead
    values = {
        "label": new["label"],
        "hint": new.get("hint", ""),
        "reason": new["reason"],
        "result_note": new.get("result_note", ""),
        "section": section,
        "is_unsure": new.get("is_unsure", False),
        "page": target,
        "next_question": question_model.objects.filter(key=new.get("next_question")).first()
        if new.get("next_question")
        else None,
        "order": order,
    }
    if answer is None:
        answer_model.objects.create(question=question, key=new["key"], **values)
        report(f"{name}: added.")
        return
    now = answer_fingerprint(
        {
            "label": answer.label,
            "hint": answer.hint,
            "reason": answer.reason,
            "result_note": answer.result_note,
            "section": answer.section,
            "is_unsure": answer.is_unsure,
            "page": answer.page.slug if answer.page_id else None,
            "next_question": answer.next_question.key if answer.next_question_id else None,
        }
    )
    if now == answer_fingerprint(new):
        return
    if now != ORIGINAL_ANSWERS.get((question.key, new["key"])):
        report(f"{name} was changed by an editor: left as it is.")
        return
    for field, value in values.items():
        setattr(answer, field, value)
    answer.save()
    report(f"{name}: updated.")


def update_starting_content(page_model, source_model, question_model, answer_model, report=print):
    """Update what no editor has changed; report each update and each skip."""
    update_pages(page_model, source_model, report)
    update_guide(question_model, answer_model, page_model, report)


def forwards(apps, schema_editor):
    lines = []
    update_starting_content(
        apps.get_model("content", "Page"),
        apps.get_model("content", "Source"),
        apps.get_model("content", "Question"),
        apps.get_model("content", "Answer"),
        report=lines.append,
    )
    if lines:
        print("\n  Starting content, rewritten in our own words:\n    " + "\n    ".join(lines))
    load_starting_site_text(apps.get_model("content", "SiteText"))


class Migration(migrations.Migration):
    dependencies = [("content", "0008_source_accessed_site_text")]

    # elidable: it only brings existing rows to the rewritten texts; a fresh
    # database is loaded with them (and the site-wide texts) directly.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
