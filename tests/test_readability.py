from content.readability import plain_text, reading_grade


def test_list_items_and_headings_count_as_sentences():
    text = plain_text("<h2>Treatment</h2><ul><li>surgery</li><li>chemotherapy</li></ul>")
    assert text.splitlines() == ["Treatment.", "surgery.", "chemotherapy."]


def test_short_plain_words_read_at_a_low_grade():
    assert reading_grade("<p>The cat sat on the mat. It was warm.</p>") < 3


def test_long_technical_sentences_read_at_a_high_grade():
    html = (
        "<p>Neuroblastoma recurrence necessitates individualised multimodal therapeutic "
        "considerations incorporating chemotherapeutic, radiotherapeutic and "
        "immunotherapeutic interventions according to institutional protocols.</p>"
    )
    assert reading_grade(html) > 14


def test_empty_text_has_grade_zero():
    assert reading_grade("") == 0.0
