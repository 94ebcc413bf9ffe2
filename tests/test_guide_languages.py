"""The guide in each language: the English guide's questions and routes,
with only the words translated, leading to the page in the same language
(or to the English page, saying so), and refused at sign-off when a
published language would leave a parent with an untranslated question.

Parametrised over every language whose starting guide words are written
(content/starting/<lang>/guide.json), so a new language is walked as soon
as its words are added.
"""

import copy

import pytest

from content import guide, languages, review
from content.models import Guide, Page
from content.review.kinds import guide_rows_data
from tests.support.factories import make_user
from tests.support.guide_languages import (
    GUIDE_LANGUAGES,
    load_guide_translation,
    load_starting_translation,
    starting_words,
)

pytestmark = pytest.mark.django_db

by_language = pytest.mark.parametrize("language", GUIDE_LANGUAGES)
ENGLISH = languages.default()


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
    """A medical reviewer who reads `language` and wrote nothing of the guide."""
    return make_user(f"reader-{language}", "reviewer")


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
