"""The guide in each language: the English guide's questions and routes,
with only the words translated, leading to the page in the same language
(or to the English page, saying so), and refused at sign-off when a
published language would leave a parent with an untranslated question.

Parametrised over every language whose starting guide words are written
(content/starting/<lang>/guide.json), so a new language is walked as soon
as its words are added.
"""

import copy
import re
from html import unescape
from urllib.parse import urlparse

import pytest
from django.utils import translation

from content import guide, languages, review
from content.models import Guide, Page, ReviewerLanguages
from content.review.kinds import guide_rows_data
from tests.support.factories import make_user, remove_translations
from tests.support.guide_languages import (
    GUIDE_LANGUAGES,
    load_guide_translation,
    load_page_translations,
    load_starting_translation,
    starting_words,
)
from tests.test_guide_flow import PATHS, form_of, link

pytestmark = pytest.mark.django_db

by_language = pytest.mark.parametrize("language", GUIDE_LANGUAGES)
ENGLISH = languages.default()


@pytest.fixture(autouse=True)
def english_guide_alone():
    # Each test adds the language's words itself, from the English guide alone
    # (the migration's starting translations: tests/test_translated_pages.py).
    remove_translations()


def english_guide():
    return Guide.current(ENGLISH)


def test_the_starting_guide_is_written_in_spanish_at_least():
    # The walk tests below run for each language listed here.
    assert "es" in GUIDE_LANGUAGES


# --- the words, by key -----------------------------------------------------------


@by_language
def test_a_language_gets_its_own_words_and_the_english_structure(language):
    load_starting_translation(language)
    english = guide.load_questionnaire(language=ENGLISH)
    translated = guide.load_questionnaire(language=language)
    assert translated.language == language and not translated.untranslated
    words = {q["key"]: q for q in starting_words(language)}
    assert [q.key for q in translated.questions] == [q.key for q in english.questions]
    for mine, theirs in zip(translated.questions, english.questions, strict=True):
        assert mine.text == words[mine.key]["text"] != theirs.text
        assert mine.lang == ""
        said = {a["key"]: a for a in words[mine.key]["answers"]}
        for answer, original in zip(mine.answers, theirs.answers, strict=True):
            assert answer.key == original.key
            assert answer.label == said[answer.key]["label"] != original.label
            assert answer.reason == said[answer.key]["reason"]
            # The routes are the English guide's.
            assert (answer.next_question, answer.page, answer.section, answer.is_unsure) == (
                original.next_question,
                original.page,
                original.section,
                original.is_unsure,
            )
    assert translated.pages == english.pages


@by_language
def test_a_language_with_no_guide_row_gets_the_english_words_marked_as_english(language):
    questionnaire = guide.load_questionnaire(language=language)
    english = guide.load_questionnaire(language=ENGLISH)
    assert questionnaire.untranslated
    assert [q.text for q in questionnaire.questions] == [q.text for q in english.questions]
    assert {q.lang for q in questionnaire.questions} == {"en-GB"}


@by_language
def test_a_guide_row_not_yet_signed_off_is_not_shown(language):
    row = load_guide_translation(language)
    Guide.objects.filter(pk=row.pk).update(source_text={}, checked_at=None)
    questionnaire = guide.load_questionnaire(language=language)
    assert questionnaire.untranslated
    assert questionnaire.start.text == english_guide().questions[0]["text"]


@by_language
def test_a_missing_word_falls_back_to_english_and_words_for_unknown_keys_are_ignored(language):
    row = load_guide_translation(language)
    words = copy.deepcopy(row.questions)
    words[0]["answers"][0]["label"] = ""
    words.append({"key": "not-in-english", "text": "?", "answers": []})
    Guide.objects.filter(pk=row.pk).update(questions=words)
    questionnaire = guide.load_questionnaire(language=language)
    first = questionnaire.start.answers[0]
    assert first.label == english_guide().questions[0]["answers"][0]["label"]
    assert first.lang == "en-GB"
    assert questionnaire.start.lang == ""  # the question itself is translated
    assert questionnaire.untranslated
    assert questionnaire.question("not-in-english") is None


@by_language
def test_the_signed_off_guide_costs_two_queries_in_every_language(
    language, django_assert_num_queries
):
    load_starting_translation(language)
    for code in (ENGLISH, language):
        with django_assert_num_queries(2):
            questionnaire = guide.load_questionnaire(language=code)
        assert questionnaire.pages


# --- the checks -----------------------------------------------------------------


@by_language
def test_the_starting_words_leave_nothing_untranslated(language):
    load_starting_translation(language)
    english = guide.load_questionnaire(language=ENGLISH)
    pages = guide.load_pages(slug__in=list(english.pages), language=language)
    assert guide.translation_problems(english, starting_words(language), pages) == []


def reader_of(language):
    """A medical reviewer who reads `language` and wrote nothing of the guide:
    only such a reviewer may sign off a translation."""
    user = make_user(f"reader-{language}", "reviewer")
    ReviewerLanguages.objects.update_or_create(user=user, defaults={"languages": [language]})
    return user


def english_data():
    return copy.deepcopy(review.kind_of(english_guide()).live(english_guide()))


def sign_off_english(data):
    author = make_user("guide-author", "reviewer")
    item = english_guide()
    review.save_edit(item, data, author, submit=True)
    review.sign_off(item, reader_of(ENGLISH))


def with_new_question(data):
    """The English guide with one more question, asked after "in the brain"."""
    questions = data["questions"]
    brain = next(a for a in questions[0]["answers"] if a["key"] == "brain")
    page_id, page = brain.pop("page_id"), brain.pop("page")
    brain.update(next_question="treated-where", page=None, page_id=None, section="")
    answer = {"hint": "", "section": "", "result_note": "", "next_question": None}
    questions.append(
        {
            "key": "treated-where",
            "text": "Where is your child being treated?",
            "hint": "",
            "summary_label": "Where your child is treated",
            "error_message": "Select where your child is treated",
            "answers": [
                answer
                | {
                    "key": "home",
                    "label": "Near home",
                    "is_unsure": False,
                    "reason": "your child is treated near home",
                    "page": page,
                    "page_id": page_id,
                },
                answer
                | {
                    "key": "not-sure",
                    "label": "I'm not sure",
                    "is_unsure": True,
                    "reason": "you are not sure where",
                    "page": page,
                    "page_id": page_id,
                },
            ],
        }
    )
    return data


@by_language
def test_an_english_change_adding_a_question_a_language_has_no_words_for_is_refused(language):
    load_starting_translation(language)
    name = languages.english_name(language)
    with pytest.raises(review.ReviewRefused) as refused:
        sign_off_english(with_new_question(english_data()))
    message = str(refused.value)
    assert "Publishing this would leave the guide unable to help a parent" in message
    assert f"Question “Where is your child being treated?” has no words in {name}." in message
    assert (
        f"Answer “Near home” to “Where is your child being treated?” has no words in {name}."
        in (message)
    )
    assert english_guide().questions[0]["answers"][0].get("next_question") is None


@by_language
def test_the_same_change_is_signed_off_once_the_language_has_the_words(language):
    row = load_starting_translation(language)
    words = copy.deepcopy(row.questions)
    words.append(
        {
            "key": "treated-where",
            "text": "¿?",
            "hint": "",
            "summary_label": "Dónde",
            "error_message": "Elija",
            "answers": [
                {"key": "home", "label": "Cerca", "reason": "cerca", "hint": "", "result_note": ""},
                {"key": "not-sure", "label": "No sé", "reason": "no sé", "hint": ""},
            ],
        }
    )
    Guide.objects.filter(pk=row.pk).update(questions=words)
    sign_off_english(with_new_question(english_data()))
    assert english_guide().questions[-1]["key"] == "treated-where"


@by_language
def test_a_language_not_yet_published_does_not_hold_the_english_guide_back(language):
    row = load_starting_translation(language)
    Guide.objects.filter(pk=row.pk).update(source_text={}, checked_at=None)
    sign_off_english(with_new_question(english_data()))
    assert english_guide().questions[-1]["key"] == "treated-where"


def sign_off_translation(row, words):
    author = make_user(f"translator-{row.language}", "editor")
    review.save_edit(row, {"questions": words}, author, submit=True)
    review.sign_off(row, reader_of(row.language))


@pytest.mark.parametrize(
    ("where", "field", "sentence"),
    [
        ("question", "error_message", "Question “{q}” has no error message in {name}."),
        ("answer", "reason", "Answer “{a}” to “{q}” has no reason (“You said …”) in {name}."),
        ("answer", "label", "Answer “{a}” to “{q}” has no words in {name}."),
    ],
)
@by_language
def test_a_translation_that_leaves_a_field_empty_is_refused(language, where, field, sentence):
    row = load_starting_translation(language)
    words = copy.deepcopy(row.questions)
    target = words[0] if where == "question" else words[0]["answers"][1]
    target[field] = "  "
    question = english_guide().questions[0]
    name = languages.english_name(language)
    with pytest.raises(review.ReviewRefused) as refused:
        sign_off_translation(row, words)
    expected = sentence.format(q=question["text"], a=question["answers"][1]["label"], name=name)
    assert expected in str(refused.value)
    row.refresh_from_db()
    assert row.questions[0] == starting_words(language)[0]


@by_language
def test_a_translation_missing_a_whole_answer_is_refused(language):
    row = load_starting_translation(language)
    words = copy.deepcopy(row.questions)
    del words[1]["answers"][-1]
    with pytest.raises(review.ReviewRefused, match="has no words in"):
        sign_off_translation(row, words)


@by_language
def test_a_translation_may_hold_words_for_keys_the_english_does_not_have(language):
    row = load_starting_translation(language)
    words = copy.deepcopy(row.questions)
    words[0]["hint"] += " ¡!"  # a change to sign off
    words.append({"key": "coming-soon", "text": "…", "answers": [{"key": "a", "label": ""}]})
    sign_off_translation(row, words)
    row.refresh_from_db()
    assert row.questions[-1]["key"] == "coming-soon"
    assert row.checked_at is not None


def without_section(language, slug, section):
    """`language`'s page at `slug`, saved without the heading id `section`."""
    page = Page.objects.get(language=language, slug=slug)
    page.body = page.body.replace(f"{{#{section}}}", "{#renamed}")
    page.save()
    assert section not in dict(page.sections)


@by_language
def test_an_english_route_to_a_section_a_translated_page_lacks_is_refused(language):
    load_starting_translation(language)
    without_section(language, "cns", "treatment")
    data = english_data()
    brain = next(a for a in data["questions"][0]["answers"] if a["key"] == "brain")
    brain["section"] = "treatment"  # the English page has it
    with pytest.raises(review.ReviewRefused) as refused:
        sign_off_english(data)
    assert (
        f"In {languages.english_name(language)}, the answers “In the brain or spinal cord” open "
        in str(refused.value)
    )
    assert "at a section “treatment” that the translated page does not have." in str(refused.value)


@by_language
def test_a_translation_whose_route_opens_its_page_at_a_missing_section_is_refused(language):
    row = load_starting_translation(language)
    without_section(language, "what-is-recurrence", "progressive")
    words = copy.deepcopy(row.questions)
    words[0]["hint"] += " ¡!"  # a change to sign off
    with pytest.raises(review.ReviewRefused, match="“progressive” that the translated page"):
        sign_off_translation(row, words)


def test_the_english_guide_still_signs_off_with_every_language_complete():
    for language in GUIDE_LANGUAGES:
        load_starting_translation(language)
    data = english_data()
    data["questions"][0]["hint"] += " More help."
    sign_off_english(data)
    assert english_guide().questions[0]["hint"].endswith("More help.")


def test_guide_rows_data_is_the_english_working_copy():
    # The working copy is English only: a translation is never written to it.
    assert [q["key"] for q in guide_rows_data()["questions"]] == ["where", "risk-group"]


# --- walking the guide in each language (as a browser without JavaScript) --------


def prefix(language):
    with translation.override(language):
        from django.urls import reverse

        return reverse("content:guide_start").removesuffix("guide/")


def answer(client, url, name, value):
    html = client.get(url).content.decode()
    assert f'name="{name}" value="{value}"' in html, url
    action, hidden = form_of(html)
    response = client.get(action, {**hidden, name: value})
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS)
@by_language
def test_every_path_ends_on_the_page_in_that_language(client, language, clicks, slug, section):
    load_starting_translation(language)
    start = prefix(language)
    words = {q["key"]: q for q in starting_words(language)}
    url = f"{start}guide/"
    html = client.get(url).content.decode()
    assert f"<h1>{words['where']['text']}</h1>" in unescape(html)
    for name, value in clicks:
        url = answer(client, url, name, value)
    assert urlparse(url).path == f"{start}guide/result/"
    result = client.get(url)
    assert result.status_code == 200
    html = result.content.decode()
    target = link(html, "data-guide-result")
    assert target == f"{start}pages/{slug}/" + (f"#{section}" if section else "")
    translated = Page.objects.get(language=language, slug=slug)
    assert translated.title in unescape(html)
    assert 'id="page-in-english"' not in html and 'id="guide-untranslated"' not in html
    reasons = [
        next(a for a in words[name]["answers"] if a["key"] == value)["reason"]
        for name, value in clicks
    ]
    for reason in reasons:
        assert reason in unescape(html)
    # The reasons are clauses: French and Spanish need "que" before the first.
    said = {"fr": "Vous avez dit que ", "es": "Usted dijo que "}.get(language)
    if said:
        assert said + reasons[0] in unescape(html)
    page = client.get(target.split("#")[0])
    assert page.status_code == 200
    assert translated.title in unescape(page.content.decode())
    if section:
        assert f'id="{section}"' in page.content.decode()


@by_language
def test_a_page_with_no_translation_opens_in_english_with_a_note(client, language):
    load_starting_translation(language)
    Page.objects.filter(language=language, slug="high-risk").delete()
    start = prefix(language)
    response = client.get(f"{start}guide/result/?where=spread&risk-group=high")
    assert response.status_code == 200
    html = response.content.decode()
    assert link(html, "data-guide-result") == "/pages/high-risk/#spread"
    assert 'id="page-in-english"' in html
    english = Page.objects.get(language=ENGLISH, slug="high-risk")
    assert re.search(r'<h2 id="result-heading" lang="en-GB">', html)
    assert english.title in unescape(html)
    # The rest of the result is in the language.
    where = next(q for q in starting_words(language) if q["key"] == "where")
    assert where["summary_label"] in unescape(html)


@by_language
def test_other_pages_not_yet_translated_are_listed_in_english_and_say_so(client, language):
    load_starting_translation(language)
    Page.objects.filter(language=language, slug="clinical-trials").delete()
    start = prefix(language)
    html = client.get(f"{start}guide/result/?where=spread&risk-group=high").content.decode()
    english = Page.objects.get(language=ENGLISH, slug="clinical-trials")
    cns = Page.objects.get(language=language, slug="cns")
    assert f'href="{start}pages/cns/"' in html and cns.title in unescape(html)
    listed = re.search(
        r'<a href="/pages/clinical-trials/"[^>]* lang="en-GB">([^<]+)</a> \(([^)]+)\)', html
    )
    assert unescape(listed.group(1)) == english.title
    assert listed.group(2) != "in English"  # said in the page's language
    assert 'id="page-in-english"' not in html  # the page itself is translated


@by_language
def test_a_draft_translation_of_the_page_is_not_where_the_guide_leads(client, language):
    load_starting_translation(language)
    Page.objects.filter(language=language, slug="cns").update(status=Page.Status.DRAFT)
    html = client.get(f"{prefix(language)}guide/result/?where=brain").content.decode()
    assert link(html, "data-guide-result") == "/pages/cns/"
    assert 'id="page-in-english"' in html


@by_language
def test_a_language_with_no_guide_words_asks_in_english_and_says_so(client, language):
    load_page_translations(language)
    start = prefix(language)
    html = client.get(f"{start}guide/").content.decode()
    assert 'id="guide-untranslated"' in html
    first = english_guide().questions[0]["text"]
    assert f'<h1 lang="en-GB">{first}</h1>' in unescape(html)
    # It still leads to the page in the language.
    result = client.get(f"{start}guide/result/?where=brain").content.decode()
    assert link(result, "data-guide-result") == f"{start}pages/cns/"
    assert 'id="guide-untranslated"' in result


@by_language
def test_the_printable_sheet_is_in_the_language(client, language):
    load_starting_translation(language)
    start = prefix(language)
    url = f"{start}guide/result/questions/?where=spread&risk-group=high"
    response = client.get(url)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    translated = Page.objects.get(language=language, slug="high-risk")
    words = {q["key"]: q for q in starting_words(language)}
    assert re.search(rf"<strong>{re.escape(words['where']['summary_label'])}\s*:</strong>", html)
    spread = next(a for a in words["where"]["answers"] if a["key"] == "spread")
    assert spread["label"] in html
    assert f'href="{start}pages/high-risk/"' in html
    assert translated.title in html
    assert "(in English)" not in html

    translated.delete()
    html = unescape(client.get(url).content.decode())
    english = Page.objects.get(language=ENGLISH, slug="high-risk")
    assert re.search(r'<a href="/pages/high-risk/"[^>]* lang="en-GB">', html)
    assert english.title in html


@by_language
def test_a_guide_request_costs_as_many_queries_in_each_language(
    client, language, django_assert_max_num_queries
):
    from neuroinfo import response_cache

    load_starting_translation(language)
    counts = {}
    for start in ("/", prefix(language)):
        for path in ("guide/", "guide/result/?where=spread&risk-group=high"):
            response_cache.forget_version()  # each request reads the content version
            # The content version, the guide (1), its pages (1), the pages the
            # result links to (1), the site-wide texts (1).
            with django_assert_max_num_queries(6) as captured:
                assert client.get(f"{start}{path}").status_code == 200
            counts[start, path] = len(captured)
    for path in ("guide/", "guide/result/?where=spread&risk-group=high"):
        assert counts["/", path] == counts[prefix(language), path], counts


@by_language
def test_the_system_check_reports_a_published_language_missing_words(language):
    from content.checks import guide_never_strands_a_parent

    row = load_starting_translation(language)
    assert [w for w in guide_never_strands_a_parent() if w.id == "content.W004"] == []
    words = copy.deepcopy(row.questions)
    words[1]["hint"] = ""
    Guide.objects.filter(pk=row.pk).update(questions=words)
    warnings = [w.msg for w in guide_never_strands_a_parent() if w.id == "content.W004"]
    question = english_guide().questions[1]["text"]
    name = languages.english_name(language)
    assert warnings == [f"Question “{question}” has no help text in {name}."]


@by_language
def test_a_translated_page_that_drops_a_section_the_guide_opens_is_refused(language):
    load_starting_translation(language)
    page = Page.objects.get(language=language, slug="what-is-recurrence")
    data = review.kind_of(page).live(page)
    data["body"] = data["body"].replace("{#progressive}", "{#renamed}")
    review.save_edit(page, data, make_user(f"page-translator-{language}", "editor"), submit=True)
    with pytest.raises(review.ReviewRefused, match="“progressive” that the translated page"):
        review.sign_off(page, reader_of(language))
    page.refresh_from_db()
    assert "progressive" in dict(page.sections)
