"""Translations go through the one sign-off mechanism, with one more rule: only
a medical reviewer who reads the translation's language may sign it off.
And a translation the English has moved on from is "behind"."""

import pytest
from django.utils import translation

from content import languages, review
from content.models import Change, Guide, Page, ReviewDecision, ReviewerLanguages, SiteText, Term
from content.review import translations
from tests.support.factories import make_user, publish_guide, remove_translations

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_rows_alone():
    # Each test makes the translations it needs (the migration's starting
    # translations: tests/test_translated_pages.py).
    remove_translations()


LANGUAGE = languages.translations()[0]
NAME = languages.english_name(LANGUAGE)


@pytest.fixture
def editor():
    return make_user("translator", "editor")


@pytest.fixture
def reader():
    """A medical reviewer who reads the translation's language."""
    user = make_user("reads-it", "reviewer")
    ReviewerLanguages.objects.create(user=user, languages=[LANGUAGE])
    return user


@pytest.fixture
def reviewer():
    """A medical reviewer whose account lists no language but English."""
    return make_user("english-only", "reviewer")


@pytest.fixture
def english():
    return Page.objects.get(slug="high-risk", language=languages.default())


def translated_text(page, **changes):
    data = review.working_data(page)
    body = data["body"].replace("comes back", "revient").replace("The care team", "L'équipe")
    return {**data, "title": "Quand le neuroblastome revient", "body": body, **changes}


def submitted_translation(english, editor):
    french = translations.start_translation(english, LANGUAGE, editor)
    review.save_edit(french, translated_text(french), editor, submit=True)
    return french


def test_translate_this_makes_a_hidden_draft_starting_from_the_english_words(english, editor):
    french = translations.start_translation(english, LANGUAGE, editor)
    assert french.language == LANGUAGE and french.translation_of == english
    assert french.slug == english.slug
    assert french.status == Page.Status.DRAFT
    assert list(Page.objects.published(LANGUAGE)) == []
    change = review.waiting_change(french)
    assert change.is_draft and change.language == LANGUAGE
    assert change.data == review.kind_of(english).live(english)
    assert {s.title for s in french.sources.all()} == {s.title for s in english.sources.all()}
    # Asking again gives the same translation, never a second one.
    assert translations.start_translation(english, LANGUAGE, editor) == french
    assert Page.objects.filter(translation_of=english).count() == 1


def test_translate_this_is_refused_for_a_language_the_site_does_not_offer(english, editor):
    with pytest.raises(review.ReviewRefused, match="not translated into that language"):
        translations.start_translation(english, "xx", editor)
    with pytest.raises(review.ReviewRefused):
        translations.start_translation(english, languages.default(), editor)


def test_only_a_reviewer_who_reads_the_language_may_sign_off_a_translation(
    english, editor, reviewer, reader
):
    french = submitted_translation(english, editor)
    with pytest.raises(review.ReviewRefused, match=f"Only a medical reviewer who reads {NAME}"):
        review.sign_off(french, reviewer)
    french.refresh_from_db()
    assert not french.is_published

    decision = review.sign_off(french, reader)
    french.refresh_from_db()
    assert french.is_published and french.title == "Quand le neuroblastome revient"
    assert decision.language == LANGUAGE
    assert decision.role == "Medical reviewer"
    assert french.checked_by == f"Medical reviewer (reads {NAME})"
    with translation.override(LANGUAGE):
        local = translation.gettext(NAME)
        assert local != NAME  # Django's own catalogue names the language
        assert local in french.checked_by  # the words around it come from the catalogue
    english.checked_by_role = "Medical reviewer"
    assert english.checked_by == "Medical reviewer"  # English says no more than before


def test_english_is_signed_off_by_any_reviewer_and_recorded_as_english(english, editor, reviewer):
    review.save_edit(
        english, {**review.working_data(english), "summary": "New."}, editor, submit=True
    )
    decision = review.sign_off(english, reviewer)
    assert decision.language == languages.default()


def test_reviewers_are_asked_only_for_translations_they_can_sign_off(
    english, editor, reviewer, reader
):
    submitted_translation(english, editor)
    assert [c.language for c in review.waiting_for(reader)["to_review"]] == [LANGUAGE]
    assert review.waiting_for(reviewer)["to_review"] == []


def test_the_english_words_left_as_they_were_cannot_be_signed_off(english, editor, reader):
    french = translations.start_translation(english, LANGUAGE, editor)
    review.submit(french, editor)
    with pytest.raises(review.ReviewRefused, match="still the English words"):
        review.sign_off(french, reader)


def test_a_translation_must_keep_the_english_section_ids(english, editor, reader):
    french = translations.start_translation(english, LANGUAGE, editor)
    body = translated_text(french)["body"].replace("{#treatments}", "")
    review.save_edit(french, translated_text(french, body=body), editor, submit=True)
    with pytest.raises(review.ReviewRefused, match=r"\{#treatments\}"):
        review.sign_off(french, reader)


def test_sign_off_records_the_english_it_matches_and_behind_follows_the_english(
    english, editor, reviewer, reader
):
    french = submitted_translation(english, editor)
    review.sign_off(french, reader)
    french.refresh_from_db()
    english.refresh_from_db()
    kind = review.kind_of(english)
    assert french.source_text == kind.translatable(kind.live(english))
    assert french.source_checked_at == english.checked_at
    assert not translations.is_behind(french)
    assert translations.behind() == []

    # The English page changes and is signed off: the translation is behind.
    text = review.working_data(english)
    review.save_edit(english, {**text, "summary": "A new English summary."}, editor, submit=True)
    review.sign_off(english, reviewer)
    french.refresh_from_db()
    assert translations.is_behind(french)
    [found] = translations.behind()
    assert found.translation == french
    [changed] = found.changed
    assert changed.label == "Summary"
    assert "A new English summary." in changed.words

    # Updated and signed off again by a reader: no longer behind.
    review.save_edit(
        french, translated_text(french, summary="Un nouveau résumé."), editor, submit=True
    )
    review.sign_off(french, reader)
    french.refresh_from_db()
    assert not translations.is_behind(french)
    assert translations.behind() == []


def test_a_restore_by_a_reviewer_who_does_not_read_the_language_only_waits(
    english, editor, reviewer, reader
):
    french = submitted_translation(english, editor)
    review.sign_off(french, reader)
    review.save_edit(french, translated_text(french, summary="Deuxième."), editor, submit=True)
    review.sign_off(french, reader)
    french.refresh_from_db()
    first = [v for v in review.versions(french) if v.is_live_version][-1]
    assert review.restore(french, first, reviewer) != "live"


def test_site_texts_are_translated_and_shown_only_once_signed_off(editor, reader):
    english = SiteText.current()
    french = translations.start_translation(english, LANGUAGE, editor)
    assert SiteText.current(LANGUAGE) == english
    assert not review.kind_of(french).is_published(french)
    text = {**review.working_data(french), "worried_now": "Si vous êtes inquiet, appelez."}
    review.save_edit(french, text, editor, submit=True)
    review.sign_off(french, reader)
    assert SiteText.current(LANGUAGE) == french
    assert SiteText.current(LANGUAGE).worried_now == "Si vous êtes inquiet, appelez."
    assert SiteText.current() == english


def test_a_glossary_word_translation_waits_unpublished(editor, reader):
    english = Term.objects.get(slug="bone-marrow")
    french = translations.start_translation(english, LANGUAGE, editor)
    assert not french.published and french.slug == english.slug
    assert list(Term.objects.published(LANGUAGE)) == []
    text = {**review.working_data(french), "term": "moelle osseuse", "definition": "L'intérieur."}
    review.save_edit(french, text, editor, submit=True)
    review.sign_off(french, reader)
    assert list(Term.objects.published(LANGUAGE)) == [french]


def test_a_translated_guide_needs_words_for_every_question_and_answer(editor, reader):
    publish_guide()
    english = Guide.current()
    words = translations.start_translation(english, LANGUAGE, editor)
    assert Guide.current(LANGUAGE) is None
    data = review.working_data(words)
    assert all(set(q) == {"key", "text", "hint", "summary_label", "error_message", "answers"}
               for q in data["questions"])  # fmt: skip
    first = data["questions"][0]
    partly = [{**first, "text": "Où est-il revenu ?"}, *data["questions"][1:]]
    partly[0]["answers"] = [{**a, "label": ""} for a in first["answers"]]
    review.save_edit(words, {"questions": partly}, editor, submit=True)
    with pytest.raises(review.ReviewRefused, match=f"has no words in {NAME}"):
        review.sign_off(words, reader)

    whole = [
        {
            **q,
            "text": f"Q {q['key']}",
            "answers": [{**a, "label": f"R {a['key']}"} for a in q["answers"]],
        }
        for q in data["questions"]
    ]
    review.save_edit(words, {"questions": whole}, editor, submit=True)
    review.sign_off(words, reader)
    assert Guide.current(LANGUAGE) == words
    assert Guide.current().questions == english.questions  # the English guide is untouched


def test_the_decision_and_the_change_keep_the_language(english, editor, reader):
    french = submitted_translation(english, editor)
    assert Change.objects.get(object_id=french.pk, language=LANGUAGE)
    review.send_back(french, reader, "Traduisez le titre.")
    decision = ReviewDecision.objects.filter(object_id=french.pk).first()
    assert decision.language == LANGUAGE


def test_a_translation_keeps_even_the_section_ids_the_english_headings_words_make(editor, reader):
    english = Page.objects.get(slug="clinical-trials", language=languages.default())
    made = [id_ for id_, _ in english.headings if f"{{#{id_}}}" not in english.body]
    assert made, "the English page has a section whose id its words make"
    heading = next(text for id_, text in english.headings if id_ == made[0])
    french = translations.start_translation(english, LANGUAGE, editor)
    body = english.body.replace(f"## {heading}", "## Un titre traduit")
    review.save_edit(french, translated_text(french, body=body), editor, submit=True)
    with pytest.raises(review.ReviewRefused, match=rf"\{{#{made[0]}\}}"):
        review.sign_off(french, reader)  # the translated heading's words make another id


def test_parents_see_who_checked_a_translation_in_their_own_language(
    client, english, editor, reader
):
    from django.utils.html import escape

    french = submitted_translation(english, editor)
    review.sign_off(french, reader)
    french.refresh_from_db()
    with translation.override(LANGUAGE):
        checked_by = french.checked_by
        language = translation.gettext(NAME)
    assert checked_by != f"Medical reviewer (reads {NAME})"  # the catalogue has its words
    assert language in checked_by
    response = client.get(french.get_absolute_url())
    assert response.status_code == 200
    assert escape(checked_by) in response.content.decode()
    # The English page still says only the role, in English.
    review.save_edit(english, {**review.working_data(english), "summary": "New."}, editor)
    review.submit(english, editor)
    review.sign_off(english, make_user("english-reviewer", "reviewer"))
    english_page = client.get(english.get_absolute_url()).content.decode()
    assert "<dd>Medical reviewer, <time" in english_page
