"""The plain functions behind sign-off and history (content/review/), called directly."""

import datetime

import pytest

from content import review
from content.models import Change, Page, SiteText, Term
from content.review.diff import diff_lines, diff_texts, diff_words
from content.review.kinds import PageKind
from content.review.text import normalise
from tests.support.factories import make_page, make_term, make_user

pytestmark = pytest.mark.django_db


def text_of(item, **changes):
    """The text editors work on, with some fields changed."""
    return {**review.working_data(item), **changes}


# --- readable differences ----------------------------------------------------------------


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


def test_line_differences_fold_long_unchanged_runs_unless_asked_for_the_whole_text():
    old = "\n".join(f"line {i}" for i in range(20))
    new = old.replace("line 10", "line ten")
    folded = diff_lines(old, new)
    assert [line.state for line in folded].count("changed") == 1
    assert "skipped" in [line.state for line in folded]
    assert len(folded) == 11  # 2 + fold + 2, the change, 2 + fold + 2
    whole = diff_lines(old, new, context=None)
    assert len(whole) == 20
    assert "skipped" not in [line.state for line in whole]


def test_added_and_removed_lines_are_marked():
    lines = diff_lines("keep\ngone", "keep\nnew one\nnew two")
    assert [line.state for line in lines] == ["same", "removed", "added", "added"]


def test_a_page_diff_covers_title_address_summary_text_and_sources():
    source = {"organisation": "NCI", "title": "A", "url": "", "date": "", "order": 0}
    old = {"title": "T", "slug": "t", "summary": "S", "body": "B", "sources": [source]}
    new = {"title": "T", "slug": "t2", "summary": "S2", "body": "B", "sources": []}
    fields = {d.label: d.changed for d in diff_texts(PageKind(), old, new)}
    assert fields == {
        "Title": False,
        "Address": True,
        "Summary": True,
        "Text": False,
        "Sources": True,
    }


@pytest.mark.parametrize(
    "day, expected",
    [
        (datetime.date(2026, 12, 1), datetime.date(2027, 12, 1)),
        (datetime.date(2028, 2, 29), datetime.date(2029, 2, 28)),
    ],
)
def test_the_next_review_is_a_year_later(day, expected):
    assert review.one_year_after(day) == expected


# --- text is compared as it is stored ---------------------------------------------------------


def test_line_endings_and_a_final_newline_are_not_a_change(editor):
    # The starting pages are stored with LF and a final newline; browsers send
    # CRLF and the form strips the last newline.
    page = Page.objects.in_language().get(slug="high-risk")
    assert page.body.endswith("\n")
    typed = page.body.replace("\n", "\r\n").rstrip()
    assert review.save_edit(page, text_of(page, body=typed), editor) == "unchanged"
    assert review.waiting_change(page) is None


def test_normalising_keeps_a_markdown_line_break_inside_the_text():
    assert normalise("one  \r\ntwo\r\n\r\n") == "one  \ntwo"


# --- who wrote what waits -----------------------------------------------------------------------


def test_the_authors_of_a_waiting_change_are_everyone_who_saved_its_text(page, editor, reviewer):
    review.save_edit(page, text_of(page, body="One."), editor)
    review.save_edit(page, text_of(page, body="Two."), reviewer)
    assert review.authors(page) == {editor.pk, reviewer.pk}


def test_saving_a_waiting_change_unchanged_does_not_make_you_its_author(page, editor, reviewer):
    review.save_edit(page, text_of(page, body="Changed."), editor, submit=True)
    assert review.save_edit(page, text_of(page), reviewer) == "submitted"
    assert review.authors(page) == {editor.pk}


def test_a_reviewer_who_sends_a_change_back_can_sign_off_the_fix(page, editor, reviewer):
    # A team with one clinician: send back, the editor fixes, the same clinician signs off.
    review.save_edit(page, text_of(page, body="First try."), editor, submit=True)
    review.send_back(page, reviewer, "Say who to call at night.")
    assert review.authors(page) == {editor.pk}
    review.save_edit(page, text_of(page, body="Call the ward, day or night."), editor, submit=True)
    review.sign_off(page, reviewer)
    page.refresh_from_db()
    assert page.body == "Call the ward, day or night."
    assert page.checked_by_role == "Medical reviewer"


def test_a_restore_keeps_the_writers_of_the_words_it_puts_back(page, editor, reviewer):
    # The reviewer's own wording, put back by an editor's restore, is still theirs:
    # they may not sign it off.
    review.save_edit(page, text_of(page, body="The reviewer's words."), reviewer, submit=True)
    theirs = next(v for v in review.versions(page) if v.data["body"] == "The reviewer's words.")
    review.save_edit(page, text_of(page, body="The editor's words."), editor, submit=True)
    review.restore(page, theirs, editor)
    review.submit(page, editor)
    assert review.authors(page) == {editor.pk, reviewer.pk}
    with pytest.raises(review.ReviewRefused, match="You wrote words in this change yourself"):
        review.sign_off(page, reviewer)


def test_changing_only_a_drafts_order_does_not_make_you_its_author(draft, editor, reviewer):
    review.save_edit(draft, text_of(draft, body="Words."), editor)
    draft = Page.objects.get(pk=draft.pk)
    draft.order = 5
    draft._history_user = reviewer
    draft.save()
    review.save_edit(draft, text_of(draft), reviewer)
    assert review.authors(draft) == {editor.pk}


# --- decisions -----------------------------------------------------------------------------------


def test_sign_off_is_refused_to_someone_without_the_permission(page, editor):
    with pytest.raises(review.ReviewRefused, match="Only a medical reviewer"):
        review.sign_off(page, editor)


def test_a_medical_reviewer_cannot_sign_off_their_own_change_by_giving_a_reason(page, reviewer):
    review.save_edit(page, text_of(page, body="Mine."), reviewer, submit=True)
    with pytest.raises(review.ReviewRefused, match="another medical reviewer must"):
        review.sign_off(page, reviewer, override_reason="Nobody else is here today.")
    assert Page.objects.get(pk=page.pk).body != "Mine."


def test_a_sign_off_names_the_version_it_was_shown(page, editor, reviewer):
    review.save_edit(page, text_of(page, body="Change A."), editor, submit=True)
    shown = review.review_token(page)
    # The editor saves again after the reviewer opened the review screen.
    review.save_edit(page, text_of(page, body="Change B."), editor, submit=True)
    with pytest.raises(review.ReviewRefused, match="changed after you opened it"):
        review.sign_off(page, reviewer, seen=shown)
    assert Page.objects.get(pk=page.pk).body != "Change B."
    review.sign_off(page, reviewer, seen=review.review_token(page))
    assert Page.objects.get(pk=page.pk).body == "Change B."


def test_a_draft_is_not_in_the_reviewers_queue_until_it_is_submitted(page, editor, reviewer):
    review.save_edit(page, text_of(page, body="Half done."), editor)
    assert review.waiting_for(reviewer)["to_review"] == []
    assert [c.title for c in review.waiting_for(editor)["drafts"]] == ["A test page"]
    with pytest.raises(review.ReviewRefused, match="has not submitted it"):
        review.sign_off(page, reviewer)
    review.submit(page, editor)
    assert [c.title for c in review.waiting_for(reviewer)["to_review"]] == ["A test page"]
    # Nobody is asked to review their own words.
    assert review.waiting_for(editor)["to_review"] == []
    review.withdraw(page, editor)
    assert review.waiting_for(reviewer)["to_review"] == []
    assert review.waiting_change(page).is_draft


def test_a_page_the_guide_opens_at_a_section_can_be_signed_off(editor, reviewer):
    # The guide sends parents to /pages/high-risk/#one-place: the waiting text
    # keeps that heading, so signing it off strands no one.
    page = Page.objects.in_language().get(slug="high-risk")
    review.save_edit(page, text_of(page, title="A clearer title"), editor, submit=True)
    review.sign_off(page, reviewer)
    page.refresh_from_db()
    assert page.title == "A clearer title"


def test_the_preview_is_the_page_with_the_waiting_text_and_saves_nothing(page):
    source = {"organisation": "CCLG", "title": "X", "url": "", "date": "2026-01-02", "order": 0}
    preview = PageKind().preview(
        page, text_of(page, title="New title", body="## Hello\n\nNew.", sources=[source])
    )
    assert preview.title == "New title"
    assert '<h2 id="hello">Hello</h2>' in preview.body_html
    assert preview.sections == [("hello", "Hello")]
    assert [s.date for s in preview.sources.all()] == [datetime.date(2026, 1, 2)]
    assert Page.objects.get(pk=page.pk).title == "A test page"
    assert not page.sources.exists()


# --- every kind of text parents read -----------------------------------------------------


def test_a_change_to_the_worried_now_box_waits_for_a_second_person(editor, reviewer):
    site_text = SiteText.current()
    before = site_text.worried_now
    review.save_edit(site_text, text_of(site_text, worried_now="Call 0900 000 000."), editor)
    review.submit(site_text, editor)
    site_text.refresh_from_db()
    assert site_text.worried_now == before and not site_text.is_checked
    with pytest.raises(review.ReviewRefused):
        review.sign_off(site_text, editor)
    review.sign_off(site_text, reviewer)
    site_text.refresh_from_db()
    assert site_text.worried_now_html == "<p>Call 0900 000 000.</p>"
    assert site_text.checked_by_role == "Medical reviewer"


def test_a_new_glossary_word_is_hidden_until_signed_off(editor, reviewer):
    term = Term.objects.create(term="port", slug="port", definition="A small device.")
    review.save_edit(term, text_of(term), editor, submit=True)
    assert not Term.objects.published().filter(pk=term.pk).exists()
    review.sign_off(term, reviewer)
    term.refresh_from_db()
    assert term.published and term.is_checked


def test_a_changed_explanation_waits_and_keeps_its_history(editor, reviewer):
    term = make_term()
    review.save_edit(term, text_of(term, definition="A clearer sentence."), editor, submit=True)
    assert Term.objects.get(pk=term.pk).definition == "A word used in tests."
    review.sign_off(term, reviewer)
    assert Term.objects.get(pk=term.pk).definition == "A clearer sentence."
    old = next(v for v in review.versions(term) if v.data["definition"] == "A word used in tests.")
    assert review.restore(term, old, editor) == "draft"
    assert review.waiting_change(term).data["definition"] == "A word used in tests."


def test_only_one_change_waits_for_each_item(page, editor, reviewer):
    review.save_edit(page, text_of(page, body="One."), editor)
    review.save_edit(page, text_of(page, body="Two."), reviewer)
    assert Change.objects.count() == 1


def test_a_page_made_in_a_test_has_nothing_waiting(db):
    page = make_page(slug="fresh")
    assert review.waiting_change(page) is None
    assert review.is_waiting(page)  # published and never checked by a clinician
    reviewer = make_user("dr-x", "reviewer")
    review.sign_off(page, reviewer)
    assert not review.is_waiting(Page.objects.get(pk=page.pk))
