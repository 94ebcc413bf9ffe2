"""The plain functions behind sign-off and history (content/review.py, content/diff.py)."""

import datetime

import pytest

from content import review
from content.diff import diff_lines, diff_texts, diff_words
from content.models import Page

pytestmark = pytest.mark.django_db


def test_word_differences_are_marked_with_words_not_only_colour():
    html = diff_words("Give the medicine twice a day.", "Give the medicine once a day.")
    assert html == (
        "Give the medicine "
        '<del><span class="visually-hidden">Removed: </span>twice</del> '
        '<ins><span class="visually-hidden">Added: </span>once</ins>'
        " a day."
    )


def test_changed_words_next_to_each_other_read_as_one_change():
    html = diff_words("They often shorten it.", "Many doctors shorten it.")
    assert html.count("<del>") == html.count("<ins>") == 1
    assert "They often</del>" in html
    assert "Many doctors</ins> shorten it." in html


def test_differences_escape_what_editors_typed():
    assert "<script>" not in diff_words("a", "<script>alert(1)</script>")


def test_line_differences_fold_long_unchanged_runs():
    old = "\n".join(f"line {i}" for i in range(20))
    new = old.replace("line 10", "line ten")
    lines = diff_lines(old, new)
    states = [line.state for line in lines]
    assert states.count("changed") == 1
    assert "skipped" in states
    assert len(lines) == 11  # 2 + fold + 2, the change, 2 + fold + 2


def test_added_and_removed_lines_are_marked():
    lines = diff_lines("keep\ngone", "keep\nnew one\nnew two")
    assert [line.state for line in lines] == ["same", "removed", "added", "added"]


def test_a_diff_covers_title_summary_text_and_sources():
    old = review.Text(
        "T", "S", "B", ({"organisation": "NCI", "title": "A", "url": "", "date": "", "order": 0},)
    )
    new = review.Text("T", "S2", "B", ())
    fields = {d.label: d.changed for d in diff_texts(old, new)}
    assert fields == {"Title": False, "Summary": True, "Text": False, "Sources": True}


@pytest.mark.parametrize(
    "day, expected",
    [
        (datetime.date(2026, 12, 1), datetime.date(2027, 12, 1)),
        (datetime.date(2028, 2, 29), datetime.date(2029, 2, 28)),
    ],
)
def test_the_next_review_is_a_year_later(day, expected):
    assert review.one_year_after(day) == expected


def test_the_authors_of_a_waiting_change_are_everyone_who_saved_it(page, editor, reviewer):
    review.save_edit(page, review.Text(page.title, page.summary, "One."), editor)
    review.save_edit(page, review.Text(page.title, page.summary, "Two."), reviewer)
    assert review.authors(page) == {editor.pk, reviewer.pk}


def test_changing_only_a_drafts_order_does_not_make_you_its_author(draft, editor, reviewer):
    review.save_edit(draft, review.Text(draft.title, draft.summary, "Words."), editor)
    draft = Page.objects.get(pk=draft.pk)
    draft.order = 5
    draft._history_user = reviewer
    draft.save()
    assert review.authors(draft) == {editor.pk}


def test_sign_off_is_refused_to_someone_without_the_permission(page, editor):
    with pytest.raises(review.ReviewRefused, match="Only a medical reviewer"):
        review.sign_off(page, editor)


def test_the_preview_is_the_page_with_the_waiting_text_and_saves_nothing(page, editor):
    text = review.Text(
        "New title",
        page.summary,
        "## Hello\n\nNew.",
        ({"organisation": "CCLG", "title": "X", "url": "", "date": "2026-01-02", "order": 0},),
    )
    preview = review.preview_page(page, text)
    assert preview.title == "New title"
    assert '<h2 id="hello">Hello</h2>' in preview.body_html
    assert [s.date for s in preview.sources.all()] == [datetime.date(2026, 1, 2)]
    assert Page.objects.get(pk=page.pk).title == "A test page"
    assert not page.sources.exists()


def test_saving_a_waiting_change_unchanged_does_not_make_you_its_author(page, editor, reviewer):
    text = review.Text(page.title, page.summary, "Changed.")
    review.save_edit(page, text, editor)
    assert review.save_edit(page, text, reviewer) == "waiting"
    assert review.authors(page) == {editor.pk}


def test_a_page_the_guide_opens_at_a_section_can_be_signed_off(editor, reviewer):
    # The guide sends parents to /pages/high-risk/#one-place: the waiting text
    # keeps that heading, so signing it off strands no one.
    page = Page.objects.get(slug="high-risk")
    text = review.working_text(page)
    review.save_edit(
        page, review.Text("A clearer title", text.summary, text.body, text.sources), editor
    )
    review.sign_off(page, reviewer)
    page.refresh_from_db()
    assert page.title == "A clearer title"
    assert review.preview_page(page, text).sections == page.sections


def test_the_preview_lists_the_sections_of_the_waiting_text(page):
    preview = review.preview_page(page, review.Text(page.title, page.summary, "## Hello\n\nNew."))
    assert preview.sections == [("hello", "Hello")]
