"""The guide's routing and its integrity checks, as plain functions over plain data.

A parent's answers travel only in the address (`?where=one-place&risk-group=low`),
so every function here takes the answers as a dict and returns new data; nothing
is stored. `load_questionnaire()` is the only function that reads the database.
"""

from dataclasses import dataclass, field, fields, replace

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, to_locale

from content import languages, models
from neuroinfo.tracking import is_tracking_parameter

# Question keys are path segments under /guide/; these are taken.
RESERVED_KEYS = {"result"}


def is_reserved_key(key):
    """Taken by the guide's own addresses, or a tracking parameter the site drops."""
    return key in RESERVED_KEYS or is_tracking_parameter(key)


class Problem(str):
    """A sentence for the editor about the guide, which also remembers the
    question, answer and field it is about, so the admin can show it next to
    that field. It compares as its text."""

    def __new__(cls, text, question=None, answer=None, field=None):
        problem = super().__new__(cls, text)
        problem.question, problem.answer, problem.field = question, answer, field
        return problem


class GuideError(Exception):
    """Input the guide cannot act on. The message is shown to the parent."""


@dataclass(frozen=True)
class Answer:
    key: str
    label: str
    reason: str
    hint: str = ""
    is_unsure: bool = False
    next_question: str | None = None
    page: str | None = None
    section: str = ""
    result_note: str = ""
    # The language of the words when it is not the page's (English shown for
    # want of a translation), as HTML's lang writes it; "" otherwise.
    lang: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    answers: tuple[Answer, ...]
    hint: str = ""
    summary_label: str = ""
    error_message: str = ""
    order: int = 0
    pk: int | None = None  # None for a question not saved yet
    lang: str = ""  # as Answer.lang

    def answer(self, key):
        return next((a for a in self.answers if a.key == key), None)


@dataclass(frozen=True)
class PageInfo:
    slug: str
    title: str
    summary: str = ""
    published: bool = True
    sections: frozenset = frozenset()
    links_to: tuple[str, ...] = ()
    # Signed off by a clinician: the result says near the top when it is not.
    is_checked: bool = False


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]  # in order: the first is where the guide starts
    # slug -> PageInfo of the English pages: the structure leads to them.
    pages: dict = field(default_factory=dict)
    # The language of the words ("" for the English guide) and, by the English
    # slug, that language's rows of the pages the answers lead to.
    language: str = ""
    translated_pages: dict = field(default_factory=dict)
    # Some words are shown in English: the language has none for them yet.
    untranslated: bool = False

    @property
    def start(self):
        return self.questions[0] if self.questions else None

    def question(self, key):
        return next((q for q in self.questions if q.key == key), None)


@dataclass(frozen=True)
class Step:
    question: Question
    answer: Answer


@dataclass(frozen=True)
class Walk:
    """Where a set of answers leads: the answered steps, then either the next
    question to ask (`pending`) or the page and section at the end."""

    steps: tuple[Step, ...]
    pending: Question | None = None
    page: str | None = None
    section: str = ""

    @property
    def asked(self):
        keys = [step.question.key for step in self.steps]
        return keys + [self.pending.key] if self.pending else keys

    @property
    def answers(self):
        return {step.question.key: step.answer.key for step in self.steps}

    def reason(self):
        """'it has come back in one place and your child was first treated for …'"""
        # The reasons are the guide's own words, in the page's language; so is "and".
        joiner = " {} ".format(pgettext("joins the reasons the guide gives", "and"))
        return joiner.join(step.answer.reason for step in self.steps)


def walk(questionnaire, answers):
    """Follow the answers from the first question until one is missing or a page is reached.

    Answers to questions off that path are ignored here; `read_answers` refuses them.
    """
    steps = []
    section = ""
    question = questionnaire.start
    seen = set()
    while question is not None and question.key not in seen:
        seen.add(question.key)
        answer = question.answer(answers.get(question.key))
        if answer is None:
            return Walk(tuple(steps), pending=question)
        steps.append(Step(question, answer))
        # A later answer's own section wins; otherwise an earlier one carries on.
        section = answer.section or section
        if answer.page:
            return Walk(tuple(steps), page=answer.page, section=section)
        question = questionnaire.question(answer.next_question)
    # Only a broken questionnaire gets here; the system check reports it.
    return Walk(tuple(steps))


def parse_params(questionnaire, params):
    """Turn a query string's {name: [values]} into {question key: answer key}.

    Refuses, with a message for the parent, anything a link made by the guide
    would never contain.
    """
    answers = {}
    for name, values in params.items():
        question = questionnaire.question(name)
        if question is None:
            raise GuideError(_("The address has something in it that the guide does not ask."))
        if len(values) != 1:
            raise GuideError(_("The address gives more than one answer to the same question."))
        value = values[0]
        if question.answer(value) is None:
            raise GuideError(_("The address has an answer that the guide does not know."))
        answers[name] = value
    return answers


def read_answers(questionnaire, params):
    """Parse the answers and check they all lie on one path through the guide."""
    answers = parse_params(questionnaire, params)
    result = walk(questionnaire, answers)
    off_path = set(answers) - set(result.asked)
    if off_path:
        raise GuideError(
            _("The address answers a question that does not apply to the other answers.")
        )
    return answers, result


def question_state(questionnaire, key, params):
    """What the page for question `key` needs: its answers so far and the walk.

    Raises GuideError when `key` is not a question the answers lead to.
    """
    answers, result = read_answers(questionnaire, params)
    if key not in result.asked:
        raise GuideError(
            _("Some answers are missing from the address, so we cannot show that question.")
        )
    return answers, result


def previous_question(result, key):
    """The question asked before `key` on this path, or None for the first."""
    asked = result.asked
    index = asked.index(key)
    return asked[index - 1] if index else None


def submit(questionnaire, key, params):
    """Apply a submitted answer to question `key`.

    The answers before `key` must lead to it; answers after it (sent along when
    a parent changes one answer) are kept while they still apply to the new
    path and dropped when they don't. Returns (answers, walk), or (answers,
    None) when no answer was chosen, so the question is shown again with its
    error.
    """
    params = dict(params)
    chosen = params.pop(key, None)
    others = parse_params(questionnaire, params)
    before = walk(questionnaire, others)
    if before.pending is None or before.pending.key != key:
        raise GuideError(_("Some answers are missing from the address, so we cannot go on."))
    if not chosen or chosen == [""]:
        return others, None
    answers = {**others, **parse_params(questionnaire, {key: chosen})}
    result = walk(questionnaire, answers)
    return result.answers, result


def result_state(questionnaire, params):
    """The walk for a finished guide; GuideError when it did not reach a page."""
    answers, result = read_answers(questionnaire, params)
    if result.page is None:
        raise GuideError(
            _("Some answers are missing from the address, so we cannot show a result.")
        )
    page = questionnaire.pages.get(result.page)
    if page is None or not page.published:
        # Only a broken questionnaire gets here; the system check reports it.
        raise GuideError(_("The page these answers lead to is not available at the moment."))
    return answers, result


# --- integrity ----------------------------------------------------------------


def problems(questionnaire):
    """Every way the questionnaire could strand a parent, as sentences for an editor."""
    found = []
    if not questionnaire.questions:
        return ["The guide has no questions."]
    keys = {q.key for q in questionnaire.questions}
    for question in questionnaire.questions:
        where = f"Question “{question.text}”"
        if is_reserved_key(question.key):
            found.append(f"{where} has the key “{question.key}”, which the guide uses itself.")
        if len(question.answers) < 2:
            found.append(f"{where} needs at least two answers.")
        if not any(a.is_unsure for a in question.answers):
            found.append(f"{where} has no “I'm not sure” answer.")
        for answer in question.answers:
            found.extend(_answer_problems(questionnaire, keys, question, answer))
    found.extend(_loops(questionnaire))
    reachable = _reachable(questionnaire)
    for question in questionnaire.questions:
        if question.key not in reachable:
            found.append(f"Question “{question.text}” cannot be reached from the first question.")
    found.extend(_missing_sections(questionnaire))
    return found


def new_problems(before, after):
    """The problems `after` has that `before` had not.

    Problems that were already there don't block an unrelated change, so an
    editor can mend a broken guide one step at a time.
    """
    old = set(problems(before))
    return [p for p in problems(after) if p not in old]


def _answer_problems(questionnaire, keys, question, answer):
    where = f"Answer “{answer.label}” to “{question.text}”"

    def problem(text, field):
        return Problem(f"{where} {text}", question.key, answer.key, field)

    if bool(answer.page) == bool(answer.next_question):
        yield problem(
            "must lead to either a page or another question (not both, not neither).", "page"
        )
    if answer.next_question and answer.next_question not in keys:
        yield problem("leads to a question that does not exist.", "next_question")
    if answer.next_question == question.key:
        yield problem("leads back to its own question.", "next_question")
    if answer.page:
        page = questionnaire.pages.get(answer.page)
        if page is None:
            yield problem("leads to a page that does not exist.", "page")
        elif not page.published:
            yield problem(f"leads to “{page.title}”, which is not published.", "page")


def _edges(question):
    return [a.next_question for a in question.answers if a.next_question and not a.page]


def _loops(questionnaire):
    found = []
    state = {}  # key -> "visiting" | "done"

    def visit(key, trail):
        state[key] = "visiting"
        question = questionnaire.question(key)
        for nxt in _edges(question) if question else []:
            if questionnaire.question(nxt) is None or nxt == key:
                continue
            if state.get(nxt) == "visiting":
                cycle = trail[trail.index(nxt) :] + [nxt]
                texts = [f"“{questionnaire.question(k).text}”" for k in cycle]
                # Shown next to the answer of this question that closes the loop.
                closing = next(a for a in question.answers if a.next_question == nxt)
                found.append(
                    Problem(
                        "The guide goes round in a loop: " + " → ".join(texts) + ".",
                        key,
                        closing.key,
                        "next_question",
                    )
                )
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[key] = "done"

    for question in questionnaire.questions:
        if question.key not in state:
            visit(question.key, [question.key])
    return found


def _reachable(questionnaire):
    seen = set()
    todo = [questionnaire.start.key]
    while todo:
        key = todo.pop()
        if key in seen or questionnaire.question(key) is None:
            continue
        seen.add(key)
        todo.extend(_edges(questionnaire.question(key)))
    return seen


def all_paths(questionnaire):
    """Every complete set of answers, with the walk it gives (a finite list: no loops)."""
    results = []

    def extend(answers):
        result = walk(questionnaire, answers)
        if result.pending is None:
            results.append((answers, result))
            return
        for answer in result.pending.answers:
            extend({**answers, result.pending.key: answer.key})

    extend({})
    return results


def _missing_sections(questionnaire):
    found = {}
    for _answers, result in all_paths(questionnaire):
        page = questionnaire.pages.get(result.page)
        if page and result.section and result.section not in page.sections:
            said = " then ".join(f"“{step.answer.label}”" for step in result.steps)
            # The answer whose section is used: the last one on the path with one.
            source = next(s for s in reversed(result.steps) if s.answer.section)
            text = (
                f"The answers {said} open “{page.title}” at a section “{result.section}” "
                "that the page does not have."
            )
            found[text] = Problem(text, source.question.key, source.answer.key, "section")
    return [found[text] for text in sorted(found)]


# --- reading the database -------------------------------------------------------

# Only what the guide shows and checks: never a page's text.
PAGE_INFO_FIELDS = ["slug", "title", "summary", "status", "headings", "links", "checked_at"]


def page_info(page):
    """What the guide needs of a page: headings and links were stored when it was saved."""
    return PageInfo(
        slug=page.slug,
        title=page.title,
        summary=page.summary,
        published=page.is_published,
        sections=frozenset(id_ for id_, _ in page.sections),
        links_to=tuple(page.linked_slugs),
        is_checked=page.is_checked,
    )


def answer_info(answer):
    return Answer(
        key=answer.key,
        label=answer.label,
        reason=answer.reason,
        hint=answer.hint,
        is_unsure=answer.is_unsure,
        next_question=answer.next_question.key if answer.next_question_id else None,
        page=answer.page.slug if answer.page_id else None,
        section=answer.section,
        result_note=answer.result_note,
    )


def question_info(question, answers):
    return Question(
        key=question.key,
        text=question.text,
        hint=question.hint,
        summary_label=question.summary_label,
        error_message=question.error_message,
        order=question.order,
        pk=question.pk,
        answers=tuple(answer_info(a) for a in answers),
    )


def load_questionnaire(working=False, language=None):
    """The guide parents use (the signed-off copy), or with `working` the copy
    medical reviewers edit (the Question and Answer rows), in `language`
    (None: this request's).

    The structure (questions, order, answers, routes, pages, sections) is
    always the English guide's; another language's published Guide row gives
    only the words, by question and answer key (English where it has none:
    `untranslated`). The signed-off guide costs two queries in every
    language: the Guide rows (English and the language's, together), then the
    pages the answers lead to (English and the language's, together). Only
    their titles, summaries, headings and links are read, so the cost stays
    the same however many pages the site has.
    """
    language = language or languages.current()
    translated = not languages.is_default(language)
    if not working:
        english, words = _guide_rows(language)
        return questionnaire_from_data(
            english or [], language=language if translated else None, words=words
        )
    answers = {}
    for answer in models.Answer.objects.select_related("next_question", "page").only(
        *[f.name for f in models.Answer._meta.concrete_fields], "next_question__key", "page__slug"
    ):
        answers.setdefault(answer.question_id, []).append(answer)
    questions = tuple(
        question_info(q, answers.get(q.pk, [])) for q in models.Question.objects.all()
    )
    page_ids = {a.page_id for listed in answers.values() for a in listed if a.page_id}
    questionnaire = Questionnaire(questions=questions, pages=load_pages(pk__in=page_ids))
    if not translated:
        return questionnaire
    _, words = _guide_rows(language)
    pages = load_pages(slug__in=list(questionnaire.pages), language=language)
    return in_language(questionnaire, language, words, pages)


def _guide_rows(language):
    """(the English guide's questions, the words of `language`'s published
    Guide row or None): one query."""
    wanted = {languages.default(), language}
    rows = models.Guide.objects.filter(language__in=wanted).order_by("pk")
    english = words = None
    for code, questions, source_text, checked_at in rows.values_list(
        "language", "questions", "source_text", "checked_at"
    ):
        if languages.is_default(code):
            english = questions if english is None else english
        # A translation is shown once signed off, or when it was loaded with
        # the English words it was made from (the unchecked starting words).
        elif words is None and (source_text or checked_at is not None):
            words = questions
    return english, words


def questionnaire_from_data(questions, language=None, words=None):
    """A Questionnaire from the guide's stored data (a list of question dicts,
    in order, each with its answers), with the pages it leads to: one query.
    With `language`, the words are `words` (a translated Guide row's
    questions) and that language's rows of the pages come in the same query.

    Answers name their page by id, so a page whose address changed since the
    guide was signed off is still found, at its new address."""
    ids = {a["page_id"] for q in questions for a in q.get("answers", []) if a.get("page_id")}
    rows = []
    if ids:
        wanted = Q(pk__in=ids)
        if language:
            wanted |= Q(translation_of_id__in=ids, language=language)
        rows = models.Page.objects.filter(wanted).only(*PAGE_INFO_FIELDS, "translation_of_id")
    english_rows = [page for page in rows if page.pk in ids]
    slugs = {page.pk: page.slug for page in english_rows}
    answer_names = {f.name for f in fields(Answer)} - {"page", "lang"}
    question_names = {f.name for f in fields(Question)} - {"answers", "pk", "order", "lang"}
    built = tuple(
        Question(
            **{k: v for k, v in q.items() if k in question_names},
            order=position,
            pk=position,
            answers=tuple(
                Answer(
                    **{k: v for k, v in a.items() if k in answer_names},
                    # A page deleted since is missing: the checks report it.
                    page=slugs.get(a.get("page_id"), a.get("page")) if a.get("page_id") else None,
                )
                for a in q.get("answers", [])
            ),
        )
        for position, q in enumerate(questions)
    )
    pages = {page.slug: page_info(page) for page in english_rows}
    questionnaire = Questionnaire(questions=built, pages=pages)
    if not language:
        return questionnaire
    # A translated page keeps its English page's address: found by its English row.
    translated = {
        slugs[page.translation_of_id]: page_info(page)
        for page in rows
        if page.pk not in ids and page.translation_of_id in slugs
    }
    return in_language(questionnaire, language, words, translated)


def load_pages(**filters):
    """{slug: PageInfo} of the pages matching `filters` (one query, no page text),
    English unless `language` is given."""
    # The guide's structure leads to English pages (slugs are per language).
    filters.setdefault("language", languages.default())
    return {
        p.slug: page_info(p) for p in models.Page.objects.filter(**filters).only(*PAGE_INFO_FIELDS)
    }


def load_pages_in(languages_wanted, slugs):
    """[(PageInfo, language)] of the pages at `slugs` in each of
    `languages_wanted` (a translation keeps its English page's address): one query."""
    rows = models.Page.objects.filter(slug__in=slugs, language__in=languages_wanted)
    return [(page_info(p), p.language) for p in rows.only(*PAGE_INFO_FIELDS, "language")]


# --- the words of another language ------------------------------------------------

# The words of the guide a translation holds, by the English guide's keys.
QUESTION_WORDS = ("text", "hint", "summary_label", "error_message")
ANSWER_WORDS = ("label", "hint", "reason", "result_note")
WORD_NAMES = {
    "text": "question",
    "hint": "help text",
    "summary_label": "label on the result",
    "error_message": "error message",
    "label": "words",
    "reason": "reason (“You said …”)",
    "result_note": "note on the result",
}


def _said(words, name):
    return (words.get(name) or "").strip() if isinstance(words, dict) else ""


def _by_key(items):
    return {i.get("key"): i for i in items or () if isinstance(i, dict)}


def _with_words(item, words, names, fallback_lang):
    """`item` (a Question or Answer) with `words` where they are given; the
    English, marked with its language, where they are not."""
    changes = {name: _said(words, name) for name in names if _said(words, name)}
    missing = any(getattr(item, name).strip() and name not in changes for name in names)
    return replace(item, **changes, lang=fallback_lang if missing else ""), missing


def in_language(questionnaire, language, words, translated_pages):
    """The questionnaire with `language`'s words (a translated Guide row's
    questions, or None when it has none), by question and answer key. The
    structure stays the English one; English words stay where the language
    has none, marked with their language, and `untranslated` says so. Words
    for keys the English guide does not have are ignored."""
    fallback_lang = to_locale(languages.default()).replace("_", "-")
    said = _by_key(words)
    untranslated = False
    questions = []
    for question in questionnaire.questions:
        found = said.get(question.key, {})
        answer_words = _by_key(found.get("answers") if isinstance(found, dict) else None)
        answers = []
        for answer in question.answers:
            answer, missing = _with_words(
                answer, answer_words.get(answer.key), ANSWER_WORDS, fallback_lang
            )
            untranslated |= missing
            answers.append(answer)
        question, missing = _with_words(question, found, QUESTION_WORDS, fallback_lang)
        untranslated |= missing
        questions.append(replace(question, answers=tuple(answers)))
    return replace(
        questionnaire,
        questions=tuple(questions),
        language=language,
        translated_pages=translated_pages,
        untranslated=untranslated,
    )


def translation_problems(questionnaire, words, translated_pages=None, language_name="translation"):
    """Every way the words of one language (a translated Guide row's questions)
    would fail a parent reading the English `questionnaire` in that language,
    as sentences for an editor: a question or answer with no words, a field
    left empty that the English fills, and a route that opens that language's
    page (`translated_pages`, by English slug) at a section it does not have.
    Words for keys the English guide does not have are allowed."""
    found = []
    said = _by_key(words)
    in_ = f"in {language_name}"
    for question in questionnaire.questions:
        where = f"Question “{question.text}”"
        question_words = said.get(question.key)
        if question_words is None:
            found.append(Problem(f"{where} has no words {in_}.", question.key, None, "text"))
        for name in QUESTION_WORDS if question_words is not None else ():
            if getattr(question, name).strip() and not _said(question_words, name):
                text = f"{where} has no {WORD_NAMES[name]} {in_}."
                found.append(Problem(text, question.key, None, name))
        answer_words = _by_key((question_words or {}).get("answers"))
        for answer in question.answers:
            where = f"Answer “{answer.label}” to “{question.text}”"
            words_of = answer_words.get(answer.key)
            if words_of is None:
                text = f"{where} has no words {in_}."
                found.append(Problem(text, question.key, answer.key, "label"))
                continue
            for name in ANSWER_WORDS:
                if getattr(answer, name).strip() and not _said(words_of, name):
                    text = f"{where} has no {WORD_NAMES[name]} {in_}."
                    found.append(Problem(text, question.key, answer.key, name))
    found.extend(translated_section_problems(questionnaire, translated_pages or {}, language_name))
    return found


def translated_section_problems(questionnaire, translated_pages, language_name="translation"):
    """Each route of the English `questionnaire` that would open one language's
    published page (`translated_pages`, by English slug) at a section it does
    not have."""
    in_ = f"in {language_name}"
    found = {}
    for _answers, result in all_paths(questionnaire):
        page = translated_pages.get(result.page)
        if page and page.published and result.section and result.section not in page.sections:
            said = " then ".join(f"“{step.answer.label}”" for step in result.steps)
            source = next(s for s in reversed(result.steps) if s.answer.section)
            text = (
                f"{in_[:1].upper()}{in_[1:]}, the answers {said} open “{page.title}” at a "
                f"section “{result.section}” that the translated page does not have."
            )
            found[text] = Problem(text, source.question.key, source.answer.key, "section")
    return [found[text] for text in sorted(found)]


def with_question(questionnaire, question, old_key=None):
    """A copy with `question` added, or replacing the one with key `old_key`
    (which answers that led to it now lead to under its new key)."""
    old_key = old_key or question.key
    questions = [
        _renamed(q, "next_question", old_key, question.key)
        for q in questionnaire.questions
        if q.key != old_key
    ]
    questions.append(question)
    questions.sort(key=_database_order)
    return replace(questionnaire, questions=tuple(questions))


def _database_order(question):
    # As Question.Meta.ordering: (order, pk), a new question after saved ones.
    return (question.order, question.pk if question.pk is not None else float("inf"))


def without_question(questionnaire, key):
    questions = tuple(q for q in questionnaire.questions if q.key != key)
    return replace(questionnaire, questions=questions)


def with_page(questionnaire, info, old_slug=None):
    """A copy with the page `info` added, or replacing the one at `old_slug`."""
    old_slug = old_slug or info.slug
    pages = {slug: p for slug, p in questionnaire.pages.items() if slug != old_slug}
    pages[info.slug] = info
    questions = tuple(_renamed(q, "page", old_slug, info.slug) for q in questionnaire.questions)
    return replace(questionnaire, questions=questions, pages=pages)


def with_answer_leading_to(questionnaire, question_key, answer_key, next_key):
    """A copy in which one answer leads to the question `next_key` instead."""
    questions = tuple(
        replace(
            q,
            answers=tuple(
                replace(a, next_question=next_key, page=None) if a.key == answer_key else a
                for a in q.answers
            ),
        )
        if q.key == question_key
        else q
        for q in questionnaire.questions
    )
    return replace(questionnaire, questions=questions)


def _renamed(question, attribute, old, new):
    if old == new:
        return question
    answers = tuple(
        replace(a, **{attribute: new}) if getattr(a, attribute) == old else a
        for a in question.answers
    )
    return replace(question, answers=answers)
