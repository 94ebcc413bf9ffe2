"""Reading level in each language: English by its grade, French and Spanish by
formulas made for them, any other language by sentence length alone, in the
editor's live preview (thresholds: docs/translating.md)."""

from html import unescape
from pathlib import Path

import pytest
from django.test import override_settings
from textstat.textstat import langs, textstatistics

from content import readability
from content.readability import plain_text
from content.rendering import render_markdown
from tests.support.factories import admin_url, make_page

STARTING = Path(__file__).resolve().parent.parent / "content" / "starting"

FRENCH_PLAIN = "<p>Le chat dort. Il fait beau. Nous allons au parc avec le chien.</p>"
FRENCH_HARD = (
    "<p>La récidive neuroblastique nécessite une individualisation thérapeutique "
    "pluridisciplinaire intégrant immunothérapie, radiothérapie métabolique et "
    "chimiothérapie myéloablative conformément aux recommandations institutionnelles.</p>"
)
SPANISH_PLAIN = "<p>El gato duerme. Hace sol. Vamos al parque con el perro.</p>"
SPANISH_HARD = (
    "<p>La recurrencia neuroblástica necesita una individualización terapéutica "
    "multidisciplinaria que incorpore inmunoterapia, radioterapia metabólica y "
    "quimioterapia mieloablativa conforme a las recomendaciones institucionales.</p>"
)


def textstat_in(language):
    stats = textstatistics()
    stats.set_lang(language)
    return stats


def test_english_keeps_its_flesch_kincaid_grade_of_8_or_lower():
    html = "<p>The cat sat on the mat. It was warm.</p>"
    assert readability.measure("en-gb").name == "Reading grade"
    assert readability.reading_score(html, "en-gb") == round(readability.reading_grade(html), 1)
    assert readability.report(html).grade == readability.report(html, "en-gb").grade
    assert not readability.report(html).too_hard


def test_french_is_measured_with_kandel_and_moles_formula():
    # textstat's French reading ease is Kandel and Moles' Flesch formula: if an
    # upgrade changes its constants, the threshold in the docs must be looked at again.
    assert {key: langs["fr"][key] for key in langs["fr"]} == {
        "fre_base": 207,
        "fre_sentence_length": 1.015,
        "fre_syll_per_word": 73.6,
    }
    expected = textstat_in("fr").flesch_reading_ease(plain_text(FRENCH_HARD))
    assert readability.reading_score(FRENCH_HARD, "fr") == round(expected, 1)
    assert readability.measure("fr").limit == 65
    assert not readability.report(FRENCH_PLAIN, "fr").too_hard
    assert readability.report(FRENCH_HARD, "fr").too_hard


def test_spanish_is_measured_with_fernandez_huerta_formula():
    expected = textstat_in("es").fernandez_huerta(plain_text(SPANISH_HARD))
    assert readability.reading_score(SPANISH_HARD, "es") == round(expected, 1)
    assert readability.measure("es").limit == 60
    assert not readability.report(SPANISH_PLAIN, "es").too_hard
    assert readability.report(SPANISH_HARD, "es").too_hard


def test_a_language_with_no_formula_gets_the_sentence_length_check_alone():
    long = "<p>" + " ".join(["Wort"] * 30) + ".</p>"
    found = readability.report(long, "de")
    assert found.measure is None and found.grade is None and not found.too_hard
    assert [sentence.words for sentence in found.long] == [30]
    assert found.hardest == []


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_starting_translation_meets_its_languages_threshold(language):
    pages = sorted((STARTING / language / "pages").glob("*.md"))
    assert pages
    for path in pages:
        body = path.read_text().split("---", 2)[2]
        found = readability.report(render_markdown(body), language)
        assert not found.too_hard, f"{language}/{path.name}: {found.grade}"


def preview(client, text, language=None):
    address = "/markdownx/markdownify/" + (f"?language={language}" if language else "")
    return client.post(address, {"content": text})


@pytest.mark.django_db
def test_the_preview_of_a_french_text_shows_its_ease_and_its_hardest_sentence(staff_client):
    text = FRENCH_HARD.removeprefix("<p>").removesuffix("</p>") + "\n\nLe chat dort."
    html = unescape(preview(staff_client, text, "fr").content.decode())
    score = readability.reading_score(render_markdown(text), "fr")
    assert f"Reading ease (Kandel-Moles) {score:.1f}</strong>: too hard." in html
    assert "Parents need 65 or higher." in html
    assert "Hardest sentences" in html and "(ease " in html
    assert "Reading grade" not in html


@pytest.mark.django_db
def test_the_preview_of_a_plain_spanish_text_says_it_is_good(staff_client):
    text = SPANISH_PLAIN.removeprefix("<p>").removesuffix("</p>")
    html = unescape(preview(staff_client, text, "es").content.decode())
    assert "Reading ease (Fernández Huerta)" in html
    assert "</strong>: good (60 or higher)." in html


@pytest.mark.django_db
@override_settings(
    LANGUAGES=[("en-gb", "English"), ("fr", "French"), ("es", "Spanish"), ("de", "German")]
)
def test_the_preview_of_a_language_with_no_formula_says_so(staff_client):
    text = " ".join(["Wort"] * 30) + "."
    html = unescape(preview(staff_client, text, "de").content.decode())
    assert "No reading formula for German" in html
    assert "Sentences over 25 words (1): split them." in html


@pytest.mark.django_db
def test_the_preview_refuses_a_language_the_site_does_not_have(staff_client):
    response = preview(staff_client, "Text.", "xx")
    assert response.status_code == 400
    assert "must be one of the site's languages" in response.content.decode()


@pytest.mark.django_db
def test_a_translations_editor_previews_in_its_language(staff_client):
    english = make_page(slug="words", title="Words")
    french = make_page(slug="words", title="Mots", language="fr", translation_of=english)
    french_form = staff_client.get(admin_url(f"content/page/{french.pk}/change/"))
    assert 'data-markdownx-urls-path="/markdownx/markdownify/?language=fr"' in (
        french_form.content.decode()
    )
    english_form = staff_client.get(admin_url(f"content/page/{english.pk}/change/"))
    assert 'data-markdownx-urls-path="/markdownx/markdownify/"' in english_form.content.decode()
