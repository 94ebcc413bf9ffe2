"""The admin's side of translations: the languages a reviewer reads (on
their user page), "Translate this", the English beside the translation, and
the list of translations the English has left behind."""

import pytest
from django.test import Client
from django.urls import reverse

from content import languages, review
from content.models import Page, ReviewerLanguages, SiteText, Term
from content.review import translations
from tests.support.factories import decide, make_user, page_form_data, remove_translations

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_rows_alone():
    # Each test makes the translations it needs (the migration's starting
    # translations: tests/test_translated_pages.py).
    remove_translations()


LANGUAGE = languages.translations()[0]
NAME = languages.english_name(LANGUAGE)


def user_form_data(user, **changes):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on",
        "groups": [g.pk for g in user.groups.all()],
        "date_joined_0": f"{user.date_joined:%Y-%m-%d}",
        "date_joined_1": f"{user.date_joined:%H:%M:%S}",
        "reviewer_languages-TOTAL_FORMS": "1",
        "reviewer_languages-INITIAL_FORMS": "0",
        "reviewer_languages-MIN_NUM_FORMS": "1",
        "reviewer_languages-MAX_NUM_FORMS": "1",
        "reviewer_languages-0-user": user.pk,
    }
    data.update(changes)
    return data


def test_a_superuser_sets_the_languages_a_reviewer_reads_on_their_user_page(superuser_client):
    reviewer = make_user("dr-martin", "reviewer")
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    page = superuser_client.get(url).content.decode()
    assert "Reads, besides English" in page
    assert f'value="{LANGUAGE}"' in page and NAME in page
    assert 'value="en-gb"' not in page  # every reviewer reads English

    data = user_form_data(reviewer, **{"reviewer_languages-0-languages": [LANGUAGE]})
    response = superuser_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ReviewerLanguages.objects.get(user=reviewer).languages == [LANGUAGE]
    assert str(ReviewerLanguages.objects.get(user=reviewer)) == f"English, {NAME}"


def test_a_language_the_site_does_not_offer_is_refused(superuser_client):
    reviewer = make_user("dr-martin", "reviewer")
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    data = user_form_data(reviewer, **{"reviewer_languages-0-languages": ["xx"]})
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ReviewerLanguages.objects.filter(user=reviewer).exists()


def test_reviewers_and_editors_cannot_say_which_languages_they_read(reviewer_client, reviewer):
    from django.contrib.auth.models import Group

    for group in Group.objects.all():
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert not {c for c in codenames if c.endswith("reviewerlanguages")}
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    assert reviewer_client.get(url).status_code == 403


# --- "Translate this", side by side, behind -------------------------------------------


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reader(db):
    user = make_user("dr-dubois", "reviewer")
    ReviewerLanguages.objects.create(user=user, languages=[LANGUAGE])
    return user


@pytest.fixture
def english(db):
    return Page.objects.get(slug="high-risk", language=languages.default())


def change_url(item):
    return review.kind_of(item).admin_url(item)


def test_an_english_page_offers_translate_this_and_it_makes_a_hidden_draft(editor_client, english):
    form = editor_client.get(change_url(english)).content.decode()
    translate = reverse("admin:content_page_translate", args=[english.pk, LANGUAGE])
    assert f'href="{translate}"' in form
    assert f"Translate this into {NAME}" in form

    confirm = editor_client.get(translate)
    assert confirm.status_code == 200
    assert f"Start the {NAME} translation" in confirm.content.decode()
    assert not Page.objects.filter(language=LANGUAGE).exists()  # a GET makes nothing

    response = editor_client.post(translate)
    french = Page.objects.get(language=LANGUAGE, translation_of=english)
    assert response.status_code == 302 and response["Location"] == change_url(french)
    assert french.status == Page.Status.DRAFT
    assert review.waiting_change(french).is_draft
    # Asked again, it opens the same translation.
    assert editor_client.post(translate)["Location"] == change_url(french)
    # The English form now links to it.
    form = editor_client.get(change_url(english)).content.decode()
    assert f'href="{change_url(french)}"' in form
    assert "draft, not shown to parents" in form


def test_a_translation_form_shows_the_english_beside_it_and_keeps_the_english_address(
    editor_client, editor, english
):
    french = translations.start_translation(english, LANGUAGE, editor)
    form = editor_client.get(change_url(french)).content.decode()
    assert "The English beside this translation" in form
    assert f"Only a medical reviewer who reads {NAME} may sign this translation off" in form
    assert english.summary in form
    assert 'name="slug"' not in form  # the English page's address, never edited here

    data = page_form_data(french, title="Quand le neuroblastome revient")
    del data["slug"]
    response = editor_client.post(change_url(french), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    french.refresh_from_db()
    assert french.title == "Quand le neuroblastome revient"
    assert french.slug == english.slug
    assert review.waiting_change(french).data["slug"] == english.slug


def test_a_reviewer_who_does_not_read_the_language_is_told_before_and_at_sign_off(
    reviewer_client, editor, english, reader
):
    french = translations.start_translation(english, LANGUAGE, editor)
    text = {**review.working_data(french), "title": "Quand le neuroblastome revient"}
    review.save_edit(french, text, editor, submit=True)
    screen = reviewer_client.get(review.kind_of(french).review_url(french)).content.decode()
    assert f"Only a medical reviewer who reads {NAME} may sign off this translation" in screen
    response = decide(reviewer_client, french, {"sign_off": "1"})
    assert f"Only a medical reviewer who reads {NAME}" in response.content.decode()
    french.refresh_from_db()
    assert not french.is_published

    response = decide(client_for(reader), french, {"sign_off": "1"})
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.is_published


def test_glossary_words_and_site_texts_offer_translate_this(editor_client):
    for item in (Term.objects.get(slug="bone-marrow"), SiteText.current()):
        meta = item._meta
        translate = reverse(f"admin:content_{meta.model_name}_translate", args=[item.pk, LANGUAGE])
        assert f'href="{translate}"' in editor_client.get(change_url(item)).content.decode()
        response = editor_client.post(translate)
        row = type(item).objects.get(language=LANGUAGE)
        assert response["Location"] == change_url(row)
        assert editor_client.get(change_url(row)).status_code == 200
    assert SiteText.current(LANGUAGE) == SiteText.current()  # not shown until signed off
    assert not Term.objects.published(LANGUAGE).exists()


def test_the_admin_lists_the_translations_the_english_has_left_behind(
    editor_client, editor, reviewer, reader, english
):
    french = translations.start_translation(english, LANGUAGE, editor)
    text = {**review.working_data(french), "title": "Quand le neuroblastome revient"}
    review.save_edit(french, text, editor, submit=True)
    review.sign_off(french, reader)
    assert (
        "Translations behind the English"
        not in editor_client.get(reverse("admin:index")).content.decode()
    )

    english_text = {**review.working_data(english), "summary": "A changed English summary."}
    review.save_edit(english, english_text, editor, submit=True)
    review.sign_off(english, reviewer)

    front = editor_client.get(reverse("admin:index")).content.decode()
    assert "Translations behind the English (1)" in front
    assert f'href="{change_url(french)}"' in front
    assert "A changed English summary." in front  # the diff of the English since
    listed = editor_client.get(reverse("admin:content_page_changelist") + "?language=behind")
    assert "Quand le neuroblastome revient" in listed.content.decode()
    assert english.title not in listed.content.decode()
    form = editor_client.get(change_url(french)).content.decode()
    assert "Behind the English." in form and "A changed English summary." in form

    text = {**review.working_data(french), "summary": "Un résumé changé."}
    review.save_edit(french, text, editor, submit=True)
    review.sign_off(french, reader)
    assert (
        "Translations behind the English"
        not in editor_client.get(reverse("admin:index")).content.decode()
    )


def test_the_guides_words_are_translated_in_a_form_beside_the_english(reader):
    from content.admin.guide import guide_words_fields
    from content.models import Guide
    from tests.support.factories import publish_guide

    publish_guide()
    english = Guide.current()
    translator = client_for(make_user("dr-lopez", "reviewer"))  # the guide is reviewers' work
    translate = reverse("admin:content_guide_translate", args=[english.pk, LANGUAGE])
    assert f'href="{translate}"' in translator.get(change_url(english)).content.decode()
    translator.post(translate)
    words = Guide.objects.get(language=LANGUAGE)
    form = translator.get(change_url(words)).content.decode()
    first = english.questions[0]
    assert f"Question: “{first['text']}”" in form
    assert Guide.current(LANGUAGE) is None  # not shown to parents yet

    fields = guide_words_fields(english.questions)
    data = {name: f"FR {name}" for name in fields}
    data.update({"edit_token": review.edit_token(words), "_submit_for_sign_off": "1"})
    response = translator.post(change_url(words), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    waiting = review.waiting_change(words)
    assert waiting.is_submitted
    assert waiting.data["questions"][0]["text"] == f"FR words__{first['key']}__text"
    assert [q["key"] for q in waiting.data["questions"]] == [q["key"] for q in english.questions]

    review.sign_off(words, reader)
    assert Guide.current(LANGUAGE) == words
    assert Guide.current().questions == english.questions  # the English guide is untouched


def test_a_submitted_translation_is_emailed_only_to_reviewers_who_read_it(
    editor_client, editor, english, monkeypatch
):
    from content.admin import review as review_admin

    reads_it = make_user("dr-dubois", "reviewer", email="dubois@example.org")
    ReviewerLanguages.objects.create(user=reads_it, languages=[LANGUAGE])
    make_user("dr-english", "reviewer", email="english@example.org")
    told = []
    monkeypatch.setattr(
        review_admin.notify,
        "tell_reviewers_submitted",
        lambda request, **kwargs: told.append(list(kwargs["reviewers"])),
    )
    french = translations.start_translation(english, LANGUAGE, editor)
    data = page_form_data(french, title="Quand le neuroblastome revient", _submit_for_sign_off="1")
    del data["slug"]
    assert editor_client.post(change_url(french), data).status_code == 302
    assert told == [[reads_it]]
