"""The editor's live preview: the page as parents see it, with its reading
grade and the sentences that push the grade up."""

from html import unescape

import pytest

from content import readability
from content.rendering import render_markdown

pytestmark = pytest.mark.django_db

LONG = (
    "When the cancer comes back the care team will talk with you about the tests your "
    "child may need and about the treatment choices that could help your child now."
)
HARD = (
    "Neuroblastoma recurrence necessitates individualised multimodal therapeutic "
    "considerations incorporating immunotherapeutic interventions."
)


def preview(client, text):
    return client.post("/markdownx/markdownify/", {"content": text})


def test_the_preview_shows_the_grade_and_the_sentences_that_push_it_up(staff_client):
    text = f"## Treatment\n\nThe cat sat. {LONG}\n\n{HARD}"
    response = preview(staff_client, text)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    grade = readability.reading_grade(render_markdown(text))
    assert grade > 8
    assert f"Reading grade {grade:.1f}" in html
    assert "too hard. Parents need grade 8 or lower." in html
    assert "Sentences over 25 words (1): split them.</p>" in html
    assert f"“{LONG}” (30 words)" in html
    hardest = html[html.index("Hardest sentences") :]
    assert hardest.index(HARD) < hardest.index(LONG)  # hardest first
    assert "“The cat sat.”" not in html
    # And the page itself, rendered as parents will see it.
    assert '<h2 id="treatment">Treatment</h2>' in html


def test_plain_text_gets_a_good_grade_and_no_sentence_to_look_at(staff_client):
    html = unescape(preview(staff_client, "The cat sat on the mat. It was warm.").content.decode())
    assert "good (grade 8 or lower)" in html
    assert "Sentences over" not in html
    assert "Hardest sentences" not in html


def test_the_preview_escapes_what_it_quotes(staff_client):
    html = preview(staff_client, f"{LONG} <script>alert(1)</script> and more.").content.decode()
    assert "<script>" not in html


def test_an_empty_text_previews_as_nothing(staff_client):
    response = preview(staff_client, "")
    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_a_preview_without_text_is_a_bad_request_not_an_error(staff_client):
    response = staff_client.post("/markdownx/markdownify/", {})
    assert response.status_code == 400
    assert "Send the page's text" in response.content.decode()


def test_sentences_count_words_and_grade_each_sentence():
    found = readability.sentences(f"<p>The cat sat. {LONG}</p><h2>Next steps</h2>")
    assert [s.words for s in found] == [3, 30, 2]
    assert [s.is_long for s in found] == [False, True, False]
    assert found[1].grade > found[0].grade
