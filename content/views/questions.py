"""Sheets of questions to print and take to the care team.

The guide's sheet is built from its address alone, like the guide's result:
the answers are read, checked and shown, never stored.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from content import guide, languages, navigation
from content.models import Page
from content.questions import questions_section
from content.views.guide import _params, bad_request, english_lang, private_cache, result_url
from content.views.pages import (
    Untranslated,
    render_untranslated,
    translation_state,
    visible_page,
)

# Empty lines a parent can write on, under each question and for their own.
ANSWER_LINES = 3
OWN_QUESTION_LINES = 6


def page_questions(request, slug):
    page = visible_page(request, slug)
    if isinstance(page, Untranslated):  # in English only, so far
        if not questions_section(page.english.body_html)[1]:
            raise Http404("This page has no list of questions.")
        with translation.override(languages.default()):
            english_url = reverse("content:page_questions", args=[slug])
        return render_untranslated(request, page, english_url)
    if not isinstance(page, Page):  # a moved page: its questions moved with it
        return redirect(page.url + "questions/", permanent=True)
    __, questions = questions_section(page.body_html)
    if not questions:
        raise Http404("This page has no list of questions.")
    return render(
        request,
        "content/questions.html",
        {
            "page": page,
            "questions": questions,
            "answer_lines": range(ANSWER_LINES),
            "own_lines": range(OWN_QUESTION_LINES),
            "translation_state": translation_state(page),
            "breadcrumbs": navigation.breadcrumbs(
                (page.title, page.get_absolute_url()),
                (_("Questions to ask"), request.path),
            ),
        },
    )


def sheet_page(questionnaire, slug):
    """(Page, in_english): the page the guide's answers lead to, with its
    sources, in the guide's language where that page is published, else the
    English page (the sheet then says it is in English)."""
    pages = Page.objects.prefetch_related("sources")
    if questionnaire.language:
        translated = questionnaire.translated_pages.get(slug)
        if translated is not None and translated.published:
            found = pages.published(questionnaire.language).filter(slug=slug).first()
            if found is not None:
                return found, False
    found = get_object_or_404(pages.published(languages.default()), slug=slug)
    return found, bool(questionnaire.language)


@private_cache
def guide_questions(request):
    questionnaire = guide.load_questionnaire(working=request.user.is_staff)
    try:
        answers, walk = guide.result_state(questionnaire, _params(request))
    except guide.GuideError as error:
        return bad_request(request, error)
    page, in_english = sheet_page(questionnaire, walk.page)
    __, questions = questions_section(page.body_html)
    rows = [
        (step.question.summary_label or step.question.text, step.answer.label)
        for step in walk.steps
    ]
    # Where a question or answer is still in English, the sheet says so.
    untranslated = questionnaire.untranslated
    return render(
        request,
        "guide/questions.html",
        {
            "page": page,
            "rows": rows,
            "questions": questions,
            "answer_lines": range(ANSWER_LINES),
            "own_lines": range(OWN_QUESTION_LINES),
            "result_url": result_url(answers),
            "page_in_english": in_english,
            "untranslated": untranslated,
            "english_lang": english_lang(),
            "breadcrumbs": navigation.breadcrumbs(
                (_("Find the right page"), reverse("content:guide_start")),
                (_("Your result"), result_url(answers)),
                (_("Your questions"), request.get_full_path()),
            ),
        },
    )
