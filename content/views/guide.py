"""The guide's pages. Each is a GET request whose query string holds the
answers so far: nothing is stored, in a session, a cookie or the database.

Finished pages are cached by path and normalised answers only
(`public_page(query=True)`): any query string the guide does not know gets a
400 that is never stored, so the cached set is the small, fixed set of valid
answer combinations and holds nothing about a visitor."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from content import guide, languages
from content.feedback import make_token
from neuroinfo.response_cache import public_page

# Pages that depend only on their address but are not kept by the server (the
# questions to print): the parent's own browser may keep them (Back and Forward
# are instant); "private" keeps shared caches from storing addresses that hold
# a child's answers.
private_cache = cache_control(private=True, max_age=settings.PRIVATE_PAGE_MAX_AGE)


def guide_view(view=None, *, query=True):
    """A guide address: GET and HEAD only, answered privately, kept by the server.

    Any other method gets 405 with `Allow: GET, HEAD`. CSRF protection is off
    for these views only because they never change anything; otherwise the
    CSRF check would answer a POST with its "form had expired" 403 first.

    A page depends only on its address (the answers, normalised): the server
    keeps one copy for everyone who gives those answers, and the parent's own
    browser may keep it for five minutes (Back and Forward are instant), but
    "private" keeps shared caches (CDNs, proxies) from storing addresses that
    hold a child's answers. 405s, errors and signed-in responses are private too.
    """

    def decorate(view):
        return csrf_exempt(public_page(require_safe(view), query=query, private=True))

    return decorate(view) if view is not None else decorate


def question_url(key, answers):
    return _with_query(reverse("content:guide_question", args=[key]), answers)


def result_url(answers):
    return _with_query(reverse("content:guide_result"), answers)


def _with_query(url, answers):
    return f"{url}?{urlencode(answers)}" if answers else url


def _params(request):
    return {name: request.GET.getlist(name) for name in request.GET}


def bad_request(request, error):
    return render(
        request,
        "guide/bad_request.html",
        {"message": str(error), "start_url": reverse("content:guide_start")},
        status=400,
    )


@guide_view(query=False)  # the start ignores any query: the path is the key
def start(request):
    """The first question itself: a start page of its own cost every parent a tap."""
    questionnaire = questionnaire_for(request)
    first = questionnaire.start
    if first is None:
        raise Http404("The guide has no questions.")
    answers, result = guide.question_state(questionnaire, first.key, {})
    return _render_question(request, questionnaire, first.key, answers, result)


def questionnaire_for(request):
    """The signed-off guide; signed-in staff try the working copy that waits
    for sign-off (their pages are never cached for others)."""
    return guide.load_questionnaire(working=request.user.is_staff)


def _questionnaire_asking(request, key):
    questionnaire = questionnaire_for(request)
    if questionnaire.question(key) is None:
        raise Http404("No such question.")
    return questionnaire


@guide_view
def question(request, key):
    questionnaire = _questionnaire_asking(request, key)
    try:
        answers, result = guide.question_state(questionnaire, key, _params(request))
    except guide.GuideError as error:
        return bad_request(request, error)
    return _render_question(request, questionnaire, key, answers, result)


@guide_view
def answer(request, key):
    """Where each question's form goes: on to the next step, or back with an error."""
    questionnaire = _questionnaire_asking(request, key)
    try:
        answers, result = guide.submit(questionnaire, key, _params(request))
    except guide.GuideError as error:
        return bad_request(request, error)
    if result is None:
        before = guide.walk(questionnaire, answers)
        return _render_question(request, questionnaire, key, answers, before, error=True)

    if result.pending:
        return redirect(question_url(result.pending.key, answers))
    return redirect(result_url(answers))


def _render_question(request, questionnaire, key, answers, result, error=False):
    current = questionnaire.question(key)
    previous = guide.previous_question(result, key)
    back_url = question_url(previous, answers) if previous else reverse("content:home")
    choices = [a for a in current.answers if not a.is_unsure]
    unsure = [a for a in current.answers if a.is_unsure]
    return render(
        request,
        "guide/question.html",
        {
            "question": current,
            "choices": choices,
            "unsure": unsure,
            "selected": answers.get(key),
            "others": {k: v for k, v in answers.items() if k != key},
            "back_url": back_url,
            "error": error,
            "is_first": previous is None,
            "has_hints": any(a.hint for a in current.answers),
            "untranslated": questionnaire.untranslated,
        },
    )


@guide_view
def result(request):
    questionnaire = questionnaire_for(request)
    try:
        answers, walk = guide.result_state(questionnaire, _params(request))
    except guide.GuideError as error:
        return bad_request(request, error)
    page, page_url, in_english = page_to_read(questionnaire, walk.page)
    # The pages the result's page links to, in this language where they are
    # translated: one query, for those pages only.
    linked = linked_pages(questionnaire, questionnaire.pages[walk.page].links_to)
    # A parent who said "spread" (or "one place") and then "not sure of the risk
    # group" lands on the overview: the risk pages it lists open at that section.
    said = [step.answer.section for step in walk.steps if step.answer.section]
    related = [
        (other, _at_section(url, other, said), other_in_english)
        for other, url, other_in_english in linked
        if other.slug != page.slug
    ]
    rows = [
        {
            "label": step.question.summary_label or step.question.text,
            "answer": step.answer.label,
            "change_url": question_url(step.question.key, answers),
            "lang": step.question.lang,
            "answer_lang": step.answer.lang,
        }
        for step in walk.steps
    ]
    notes = [
        (step.answer.result_note, step.answer.lang)
        for step in walk.steps
        if step.answer.result_note
    ]
    return render(
        request,
        "guide/result.html",
        {
            "page": page,
            "page_url": page_url,
            "page_in_english": in_english,
            "english_lang": english_lang(),
            "target_url": _at_section(page_url, page, [walk.section] if walk.section else []),
            "reason": walk.reason(),
            "rows": rows,
            "notes": notes,
            "related": related,
            "untranslated": questionnaire.untranslated,
            "back_url": question_url(walk.steps[-1].question.key, answers),
            "questions_url": _with_query(reverse("content:guide_questions"), answers),
            "feedback_token": make_token(page.slug, "guide-result"),
        },
    )


def english_lang():
    """The English pages' language as HTML's lang writes it (en-GB)."""
    return translation.to_locale(languages.default()).replace("_", "-")


def page_url_in(slug, language):
    with translation.override(language):
        return reverse("content:page", args=[slug])


def page_to_read(questionnaire, slug):
    """(PageInfo, address, in_english) of the page the guide leads to, in the
    guide's language where that language's page is published; otherwise the
    English page, at its English address, which the result says is in English."""
    english = questionnaire.pages[slug]
    if not questionnaire.language:
        return english, page_url_in(slug, languages.default()), False
    translated = questionnaire.translated_pages.get(slug)
    if translated is not None and translated.published:
        return translated, page_url_in(slug, questionnaire.language), False
    return english, page_url_in(slug, languages.default()), True


def linked_pages(questionnaire, slugs):
    """[(PageInfo, address, in_english)] of the published pages `slugs` name, in
    the guide's language where translated, else in English: one query."""
    default = languages.default()
    language = questionnaire.language or default
    wanted = [language] if language == default else [language, default]
    found = {}
    for info, code in guide.load_pages_in(wanted, slugs):
        found.setdefault(info.slug, {})[code] = info
    listed = []
    for slug in slugs:
        rows = found.get(slug, {})
        english = rows.get(default)
        if english is None or not english.published:
            continue  # the English page leads: a translation of a draft is not offered
        own = rows.get(language)
        if own is not None and own.published:
            listed.append((own, page_url_in(slug, language), False))
        else:
            listed.append((english, page_url_in(slug, default), language != default))
    return listed


def _at_section(url, page, sections):
    """`url` at the first of `sections` that `page` has, else at its top."""
    return next((f"{url}#{id_}" for id_ in sections if id_ in page.sections), url)
