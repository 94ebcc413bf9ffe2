"""What sign-off needs to know of each kind of text parents read.

One Kind for each reviewed model: its text fields, how to read the text on
the row, how to put a text onto the row, how to mark it checked, and what a
text would break in the guide. content/review/workflow.py does the rest the
same way for all of them.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from content import guide, languages
from content.models import Answer, Guide, Page, Question, SiteText, Source, Term
from content.rendering import MarkdownError, heading_ids, render_markdown
from content.review.text import normalise_data

SOURCE_DATES = ("date", "accessed")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    lines: bool = False  # shown line by line in a comparison (long texts)


def user_name(user):
    if user is None:
        return "Unknown (before history was kept)"
    return user.get_full_name() or user.get_username()


class Kind:
    model = None
    name = ""  # in words: "page", "glossary word"
    fields = ()
    # The row's fields an editor's save changes at once (navigation, not text).
    direct_fields = ()
    # The fields a translation translates (None: all of `fields`); an English
    # change to any of them puts a translation behind.
    translatable_fields = None

    def translatable(self, data):
        """The words of `data` (as live() gives them) a translation translates."""
        names = self.translatable_fields or [f.name for f in self.fields]
        return normalise_data({name: data.get(name, "") for name in names})

    def live(self, item):
        """The text on the row: what parents read now."""
        return normalise_data({f.name: getattr(item, f.name) for f in self.fields})

    def row_data(self, record):
        """The text of a historical record of the row."""
        return normalise_data({f.name: getattr(record, f.name, "") for f in self.fields})

    def is_published(self, item):
        return True

    def is_live_record(self, record):
        """Whether a historical record of the row was what parents saw."""
        return True

    def row_versions(self, item):
        """[(historical record, its text)] of the row, oldest first."""
        records = item.history.select_related("history_user").order_by("history_date")
        return [(record, self.row_data(record)) for record in records]

    def title(self, item, data=None):
        return str(item)

    def write(self, item, data, user, reason=""):
        """Put `data` on the row (kept in its history with who and why)."""
        for f in self.fields:
            setattr(item, f.name, data.get(f.name, ""))
        item._history_user = user
        if reason:
            item._change_reason = reason
        item.save()

    def mark_checked(self, item, reviewer, role, *, review_due=None, today=None):
        item.checked_at = timezone.now()
        item.checked_by_role = role

    def problems(self, item, data):
        """What publishing `data` would newly break for a parent (the guide's checks)."""
        return []

    def comparison_lines(self, data):
        """[(Field, text)] for a comparison."""
        return [(f, data.get(f.name) or "") for f in self.fields]

    def admin_url(self, item):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])

    def review_url(self, item):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_review", args=[item.pk])

    def history_url(self, item):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[item.pk])

    def public_url(self, item):
        return item.get_absolute_url()

    def preview(self, item, data):
        """An unsaved copy of `item` showing `data`, as parents would see it."""
        copy = self.model.objects.get(pk=item.pk)
        for f in self.fields:
            setattr(copy, f.name, data.get(f.name, ""))
        return copy


# --- pages --------------------------------------------------------------------------


def source_dict(source):
    """A Source (or a historical one, or a form's cleaned data) as plain JSON data."""
    if isinstance(source, dict):
        get = source.get
    else:

        def get(name):
            return getattr(source, name, None)

    data = {
        "organisation": get("organisation") or "",
        "title": get("title") or "",
        "url": get("url") or "",
        "order": int(get("order") or 0),
    }
    for name in SOURCE_DATES:
        value = get(name)
        data[name] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
    return normalise_data(data)


def source_from_dict(page, data):
    """An unsaved Source from source_dict's data."""
    dates = {
        name: datetime.date.fromisoformat(data[name]) if data.get(name) else None
        for name in SOURCE_DATES
    }
    return Source(page=page, **{**data, **dates})


def sorted_sources(sources):
    return sorted((source_dict(s) for s in sources), key=lambda s: s["order"])


def _sources_at(records, moment):
    """The sources as they stood at `moment`, from their history records (oldest first)."""
    latest = {}
    for record in records:
        if record.history_date > moment:
            break
        latest[record.id] = record
    return sorted_sources(r for r in latest.values() if r.history_type != "-")


def _source_line(source):
    parts = [source["organisation"], source["title"]]
    if source["url"]:
        parts.append(source["url"])
    if source.get("date"):
        parts.append(f"dated {source['date']}")
    if source.get("accessed"):
        parts.append(f"read on {source['accessed']}")
    return ", ".join(parts)


class PageKind(Kind):
    model = Page
    name = "page"
    fields = (
        Field("title", "Title"),
        Field("slug", "Address"),
        Field("summary", "Summary"),
        Field("body", "Text", lines=True),
        Field("sources", "Sources", lines=True),
    )
    direct_fields = ("order",)
    # A translation keeps its English page's address.
    translatable_fields = ("title", "summary", "body", "sources")

    def live(self, page):
        data = {}
        for f in self.fields[:-1]:
            data[f.name] = getattr(page, f.name)
        data["sources"] = sorted_sources(page.sources.all())
        return normalise_data(data)

    def is_published(self, page):
        return page.is_published

    def is_live_record(self, record):
        return record.status == Page.Status.PUBLISHED

    def row_versions(self, page):
        page_records = list(page.history.select_related("history_user").order_by("history_date"))
        source_records = list(
            Source.history.filter(page_id=page.pk).order_by("history_date", "history_id")
        )
        found = []
        for i, record in enumerate(page_records):
            # Sources are saved just after their page: a version's sources are
            # those that stood until the next save of the page.
            until = (
                page_records[i + 1].history_date - datetime.timedelta(microseconds=1)
                if i + 1 < len(page_records)
                else timezone.now()
            )
            data = {f.name: getattr(record, f.name) for f in self.fields[:-1]}
            data["sources"] = _sources_at(source_records, until)
            found.append((record, normalise_data(data)))
        return found

    def title(self, page, data=None):
        return (data or {}).get("title") or page.title

    def write(self, page, data, user, reason=""):
        for name in ("title", "slug", "summary", "body"):
            setattr(page, name, data.get(name, getattr(page, name)))
        page._history_user = user
        if reason:
            page._change_reason = reason
        page.save()
        sources = data.get("sources", [])
        if sorted_sources(page.sources.all()) != sources:
            for source in page.sources.all():
                source._history_user = user
                source.delete()
            for source_data in sources:
                source = source_from_dict(page, source_data)
                source._history_user = user
                source.save()

    def mark_checked(self, page, reviewer, role, *, review_due=None, today=None):
        super().mark_checked(page, reviewer, role)
        today = today or timezone.localdate()
        page.status = Page.Status.PUBLISHED
        page.last_reviewed = today
        page.review_due = review_due or one_year_after(today)

    def problems(self, page, data):
        if page.is_translation:  # the guide's routes are the English guide's
            missing = missing_sections(page.translation_of, data.get("body", ""))
            return [*missing, *translated_page_problems(page, data)]
        before = guide.load_questionnaire()
        after_page = Page(
            slug=data.get("slug") or page.slug,
            title=data.get("title", ""),
            summary=data.get("summary", ""),
            body=data.get("body", ""),
            status=Page.Status.PUBLISHED,
        )
        after_page.render()  # the headings and links the guide reads
        after = guide.with_page(before, guide.page_info(after_page), page.slug)
        return guide.new_problems(before, after)

    def comparison_lines(self, data):
        lines = [(f, data.get(f.name) or "") for f in self.fields[:-1]]
        sources = "\n".join(_source_line(s) for s in data.get("sources", []))
        return [*lines, (self.fields[-1], sources)]

    def preview(self, page, data):
        preview = Page.objects.get(pk=page.pk)
        for name in ("title", "summary", "body"):
            setattr(preview, name, data.get(name, ""))
        used = preview.render(Term.objects.glossary())
        # The "Words on this page" list for the waiting text, not the live one.
        preview.preview_terms = list(Term.objects.filter(pk__in=used))
        sources = Source.objects.none()
        # Templates read page.sources.all(), which returns a prefetched result as
        # it is: hand them these unsaved sources without touching the database.
        sources._result_cache = [source_from_dict(preview, s) for s in data.get("sources", [])]
        sources._prefetch_done = True
        preview._prefetched_objects_cache = {"sources": sources}
        return preview


def translated_page_problems(page, data):
    """What a translated page's `data` would newly break in the guide: a
    route that opens this language's page at a section it would not have."""
    structure = guide.load_questionnaire(language=languages.default())
    if page.slug not in structure.pages:
        return []
    after = Page(slug=page.slug, title=data.get("title", ""), body=data.get("body", ""))
    after.status = Page.Status.PUBLISHED
    after.render()  # the headings the guide reads
    before = translated_pages(page.language, structure)
    name = page.language_name
    old = set(guide.translated_section_problems(structure, before, name))
    now = {**before, page.slug: guide.page_info(after)}
    return [p for p in guide.translated_section_problems(structure, now, name) if p not in old]


_EXPLICIT_ID = re.compile(r"\{:?\s*#([A-Za-z0-9_-]+)[^}]*\}")


def missing_sections(english, body):
    """The English page's section ids a translation's text lacks: each section's
    (the guide may open any) and every fixed {#id}, at any level. The guide and
    other pages open the page at them, in every language."""
    try:
        have = set(heading_ids(render_markdown(body)))
    except MarkdownError:
        have = set()
    sections = [id_ for id_, _ in english.headings or []]
    wanted = dict.fromkeys([*sections, *_EXPLICIT_ID.findall(english.body or "")])
    return [
        f"the English page has a section with the id {{#{id_}}}, which this translation "
        f"lacks. Give the translated heading the same {{#{id_}}}: the guide and other pages "
        "open the page there."
        for id_ in wanted
        if id_ not in have
    ]


def one_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


# --- site-wide texts -------------------------------------------------------------------


class SiteTextKind(Kind):
    model = SiteText
    name = "site-wide texts"
    fields = (
        Field("organisation_name", "Organisation's name"),
        Field("worried_now", '"If you are worried right now" box', lines=True),
        Field("about", "About this site", lines=True),
        Field("contact", "How to contact the organisation", lines=True),
    )

    def is_published(self, item):
        return item.words_are_live

    def is_live_record(self, record):
        return not record.translation_of_id or bool(record.source_text) or bool(record.checked_at)

    def title(self, item, data=None):
        if item.is_translation:
            return f"Site-wide texts ({item.language_name})"
        return "Site-wide texts (the worried-now box, About, contact)"

    def preview(self, item, data):
        copy = super().preview(item, data)
        copy.render()
        return copy

    def public_url(self, item):
        return reverse("content:about")


# --- glossary words ----------------------------------------------------------------------


class TermKind(Kind):
    model = Term
    name = "glossary word"
    fields = (
        Field("term", "Word"),
        Field("slug", "Address"),
        Field("definition", "Explanation", lines=True),
        Field("other_names", "Also called", lines=True),
        Field("source_name", "Based on"),
        Field("source_url", "Source address"),
    )

    # A translated word keeps its English word's address.
    translatable_fields = ("term", "definition", "other_names", "source_name", "source_url")

    def is_published(self, term):
        return term.published

    def is_live_record(self, record):
        return record.published

    def title(self, term, data=None):
        return f"Glossary: {(data or {}).get('term') or term.term}"

    def mark_checked(self, term, reviewer, role, **kwargs):
        super().mark_checked(term, reviewer, role)
        term.published = True


# --- the guide -----------------------------------------------------------------------------


QUESTION_FIELDS = ("key", "text", "hint", "summary_label", "error_message")
ANSWER_FIELDS = ("key", "label", "hint", "is_unsure", "section", "reason", "result_note")


def guide_rows_data():
    """The guide's working copy (the Question and Answer rows) as plain data."""
    answers = {}
    for answer in Answer.objects.select_related("next_question", "page"):
        answers.setdefault(answer.question_id, []).append(
            {
                **{name: getattr(answer, name) for name in ANSWER_FIELDS},
                "next_question": answer.next_question.key if answer.next_question_id else None,
                "page": answer.page.slug if answer.page_id else None,
                "page_id": answer.page_id,
            }
        )
    return normalise_data(
        {
            "questions": [
                {
                    **{name: getattr(question, name) for name in QUESTION_FIELDS},
                    "answers": answers.get(question.pk, []),
                }
                for question in Question.objects.all()
            ]
        }
    )


def write_guide_rows(data, user):
    """Make the Question and Answer rows say `data` (a restore): matched by key."""
    wanted = data.get("questions", [])
    keys = [q["key"] for q in wanted]
    for question in Question.objects.exclude(key__in=keys):
        Answer.objects.filter(next_question=question).update(next_question=None)
    Question.objects.exclude(key__in=keys).delete()
    rows = {}
    for order, item in enumerate(wanted):
        question = Question.objects.filter(key=item["key"]).first() or Question(key=item["key"])
        for name in QUESTION_FIELDS:
            setattr(question, name, item.get(name, ""))
        question.order = order
        question._history_user = user
        question.save()
        rows[question.key] = question
    pages = Page.objects.in_bulk(_answer_pages(wanted))
    for item in wanted:
        question = rows[item["key"]]
        answer_keys = [a["key"] for a in item["answers"]]
        question.answers.exclude(key__in=answer_keys).delete()
        for order, answer_data in enumerate(item["answers"]):
            answer = question.answers.filter(key=answer_data["key"]).first() or Answer(
                question=question
            )
            for name in ANSWER_FIELDS:
                setattr(answer, name, answer_data.get(name, "" if name != "is_unsure" else False))
            answer.next_question = rows.get(answer_data.get("next_question"))
            answer.page = pages.get(answer_data.get("page_id"))
            answer.order = order
            answer._history_user = user
            answer.save()


# The words of the guide a translation holds, by the English guide's keys.
QUESTION_WORDS, ANSWER_WORDS = guide.QUESTION_WORDS, guide.ANSWER_WORDS


def guide_words(questions):
    """Only the words of the guide's questions (English data or a translation's),
    by key: the shape a translated Guide row holds."""
    return [
        {
            "key": question.get("key", ""),
            **{name: question.get(name, "") for name in QUESTION_WORDS},
            "answers": [
                {"key": answer.get("key", "")}
                | {name: answer.get(name, "") for name in ANSWER_WORDS}
                for answer in question.get("answers", [])
            ],
        }
        for question in questions
    ]


def _answer_pages(questions):
    return {a.get("page_id") for q in questions for a in q["answers"] if a.get("page_id")}


def guide_text(data):
    """The guide as lines of text, for a comparison."""
    lines = []
    for question in data.get("questions", []):
        lines.append(f"Question ({question['key']}): {question['text']}")
        for name in ("hint", "summary_label", "error_message"):
            if question.get(name):
                lines.append(f"    {name.replace('_', ' ').capitalize()}: {question[name]}")
        for answer in question.get("answers", []):
            leads = (
                f"question {answer['next_question']}"
                if answer.get("next_question")
                else f"page {answer.get('page')}"
                + (f"#{answer['section']}" if answer.get("section") else "")
            )
            unsure = " (the “I'm not sure” answer)" if answer.get("is_unsure") else ""
            lines.append(f"    Answer ({answer['key']}): {answer['label']}{unsure} → {leads}")
            for name in ("hint", "reason", "result_note"):
                if answer.get(name):
                    lines.append(f"        {name.replace('_', ' ').capitalize()}: {answer[name]}")
    return "\n".join(lines)


def translated_pages(language, questionnaire):
    """{English slug: PageInfo} of `language`'s rows of the pages the guide
    leads to (a translated page keeps its English page's address): one query."""
    return guide.load_pages(slug__in=list(questionnaire.pages), language=language)


def translation_is_live(row):
    """Whether parents read this translated row's words: once signed off, or
    loaded with the English words it was made from (the starting words)."""
    return bool(row.source_text) or row.checked_at is not None


class GuideKind(Kind):
    model = Guide
    name = "guide"
    fields = (Field("questions", "Questions and answers", lines=True),)

    def live(self, item):
        return normalise_data({"questions": item.questions})

    def is_published(self, item):
        return item.words_are_live

    def is_live_record(self, record):
        return not record.translation_of_id or bool(record.source_text) or bool(record.checked_at)

    def title(self, item, data=None):
        if item.is_translation:
            return f"The guide's questions and answers ({item.language_name})"
        return "The guide's questions and answers"

    def translatable(self, data):
        return normalise_data({"questions": guide_words(data.get("questions", []))})

    def write(self, item, data, user, reason=""):
        item.questions = data.get("questions", [])
        item._history_user = user
        if reason:
            item._change_reason = reason
        item.save()

    def problems(self, item, data):
        """What publishing `data` would newly break for a parent, in any
        language: the English guide's dead ends, and for each published
        language words missing for a question or answer or a route to a
        section its page lacks (docs/architecture.md)."""
        english = languages.default()
        if item.is_translation:  # words only: the structure is the English guide's
            structure = guide.load_questionnaire(language=english)
            pages = translated_pages(item.language, structure)
            words = data.get("questions", [])
            return guide.translation_problems(structure, words, pages, item.language_name)
        before = guide.load_questionnaire(language=english)
        after = guide.questionnaire_from_data(data.get("questions", []))
        found = guide.new_problems(before, after)
        for translation in item.translations.order_by("language", "pk"):
            if not translation_is_live(translation):
                continue  # parents do not read it: its own sign-off checks it
            name, words = translation.language_name, translation.questions
            was = guide.translation_problems(
                before, words, translated_pages(translation.language, before), name
            )
            now = guide.translation_problems(
                after, words, translated_pages(translation.language, after), name
            )
            found.extend(p for p in now if p not in set(was))
        return found

    def comparison_lines(self, data):
        return [(self.fields[0], guide_text(data))]

    def public_url(self, item):
        return reverse("content:guide_start")

    def preview(self, item, data):
        return item

    def restore_working(self, item, data, user):
        """A restore rewrites the working copy (the rows) too: the English
        guide's (a translation is only words, kept on its own row)."""
        if not item.is_translation:
            write_guide_rows(data, user)


KINDS = {kind.model: kind for kind in (PageKind(), SiteTextKind(), TermKind(), GuideKind())}


def kind_of(item):
    return KINDS[type(item)]


def latest_row_record(item):
    """The id of the newest history record of the row (0 if none)."""
    return item.history.aggregate(latest=Max("history_id"))["latest"] or 0
