"""History and restore: every version kept, compared and restored in the admin."""

import re
from html import unescape

import pytest

from content import review
from content.models import Answer, Page, Question, ReviewDecision, Source
from tests.support.factories import decide, page_form_data
from tests.test_guide_admin import question_post_data

pytestmark = pytest.mark.django_db


def text(response):
    return unescape(response.content.decode())


def save(client, page, **changes):
    """Save and submit for sign-off, as an editor does when the text is ready."""
    page = Page.objects.get(pk=page.pk)
    return client.post(
        f"/admin/content/page/{page.pk}/change/",
        page_form_data(page, _submit_for_sign_off="1", **changes),
        follow=True,
    )


def history_url(page):
    return f"/admin/content/page/{page.pk}/history/"


def key_of(page, body):
    return next(v.key for v in review.versions(page) if v.data["body"] == body)


def test_the_history_lists_every_version_with_who_and_when(editor_client, draft):
    save(editor_client, draft, body="First draft.")
    save(editor_client, draft, body="Second draft.")
    html = text(editor_client.get(history_url(draft)))
    assert html.count("Nina Editor") >= 2
    assert "<td>Draft</td>" in html
    versions = review.versions(draft)
    assert [v.data["body"] for v in versions[:2]] == ["Second draft.", "First draft."]
    assert versions[0].when >= versions[1].when


def test_waiting_changes_and_sign_offs_are_all_in_the_history(editor_client, reviewer_client, page):
    save(editor_client, page, body="Waiting one.")
    save(editor_client, page, body="Waiting two.")
    decide(reviewer_client, page, {"sign_off": "1"})
    kinds = [(v.kind, v.data["body"]) for v in review.versions(page)]
    assert ("Change: waiting for sign-off", "Waiting one.") in kinds
    assert ("Change: waiting for sign-off", "Waiting two.") in kinds
    assert kinds[0] == ("Published", "Waiting two.")
    html = text(reviewer_client.get(history_url(page)))
    assert "Signed off by Dr Rao" in html
    assert "Signed off and published" in html  # the decisions table


def test_any_two_versions_can_be_compared(editor_client, draft):
    save(editor_client, draft, body="One.\n\nThe dose is small.")
    save(editor_client, draft, body="Two.")
    save(editor_client, draft, body="Three.\n\nThe dose is large.")
    older, newer = (
        key_of(draft, "One.\n\nThe dose is small."),
        key_of(draft, "Three.\n\nThe dose is large."),
    )
    html = text(editor_client.get(f"{history_url(draft)}compare/?from={older}&to={newer}"))
    assert '<del><span class="visually-hidden">Removed: </span>small.</del>' in html
    assert '<ins><span class="visually-hidden">Added: </span>large.</ins>' in html
    # The order they are chosen in does not matter.
    again = text(editor_client.get(f"{history_url(draft)}compare/?from={newer}&to={older}"))
    assert '<ins><span class="visually-hidden">Added: </span>large.</ins>' in again


def test_comparing_without_two_versions_says_what_to_do(editor_client, draft):
    response = editor_client.get(f"{history_url(draft)}compare/?from=page-0", follow=True)
    assert "Choose two versions to compare." in text(response)


def test_an_editors_restore_of_a_published_page_waits_for_sign_off(
    editor_client, reviewer_client, client, page
):
    first = page.body
    save(editor_client, page, body="Newer words.")
    decide(reviewer_client, page, {"sign_off": "1"})
    key = next(v.key for v in review.versions(page) if v.data["body"] == first)
    confirm = text(editor_client.get(f"{history_url(page)}{key}/restore/"))
    assert "the restored text is a draft, to submit for sign-off" in confirm
    response = editor_client.post(f"{history_url(page)}{key}/restore/", follow=True)
    assert "The earlier version is restored as a draft" in text(response)
    assert "Newer words." in text(client.get(page.get_absolute_url()))
    assert review.waiting_change(page).data["body"] == first
    # The restore is itself a new version; nothing before it went away.
    bodies = [v.data["body"] for v in review.versions(page)]
    assert bodies[0] == first
    assert "Newer words." in bodies


def test_a_reviewers_restore_of_a_live_version_is_published_and_recorded(
    editor_client, reviewer_client, other_reviewer_client, page, today
):
    first = page.body
    save(editor_client, page, body="Newer words.")
    decide(other_reviewer_client, page, {"sign_off": "1"})
    key = next(
        v.key for v in review.versions(page) if v.data["body"] == first and v.is_live_version
    )
    reviewer_client.post(f"{history_url(page)}{key}/restore/")
    page.refresh_from_db()
    assert page.body == first
    # Choosing the text for parents is the reviewer's check of it.
    assert page.checked_by_role == "Medical reviewer"
    assert page.last_reviewed == today
    assert page.decisions.filter(
        decision=ReviewDecision.Decision.RESTORED, decided_by_name="Dr Rao"
    ).exists()


def test_a_restore_brings_back_the_sources_of_that_version(editor_client, reviewer_client, page):
    Source.objects.create(page=page, organisation="NCI", title="Old source", order=1)
    before = next(v.key for v in review.versions(page) if v.is_live_version)
    data = page_form_data(Page.objects.get(pk=page.pk))
    data.update({"sources-0-title": "New source", "body": "Changed.", "_submit_for_sign_off": "1"})
    editor_client.post(f"/admin/content/page/{page.pk}/change/", data)
    decide(reviewer_client, page, {"sign_off": "1"})
    assert [s.title for s in page.sources.all()] == ["New source"]
    version = review.find_version(page, before)
    assert [s["title"] for s in version.data["sources"]] == ["Old source"]
    editor_client.post(f"{history_url(page)}{before}/restore/")
    assert [s["title"] for s in review.waiting_change(page).data["sources"]] == ["Old source"]


def test_restoring_a_draft_changes_it_at_once(editor_client, draft):
    save(editor_client, draft, body="Kept wording.")
    save(editor_client, draft, body="Worse wording.")
    key = key_of(draft, "Kept wording.")
    editor_client.post(f"{history_url(draft)}{key}/restore/")
    draft.refresh_from_db()
    assert draft.body == "Kept wording."
    assert review.versions(draft)[0].note.startswith("Restored the version of")


def test_editors_cannot_delete_history(editor_client, page):
    save(editor_client, page, body="Something.")
    # History has no admin of its own, so nothing can delete it there...
    for url in ["/admin/content/historicalpage/", "/admin/content/historicalpagechange/"]:
        assert editor_client.get(url).status_code == 404
    assert "delete" not in text(editor_client.get(history_url(page))).lower()
    # ...and editors cannot delete the page it belongs to.
    assert editor_client.post(f"/admin/content/page/{page.pk}/delete/").status_code == 403
    assert Page.history.filter(id=page.pk).exists()


def test_the_history_page_offers_compare_and_restore_controls(editor_client, draft):
    save(editor_client, draft, body="Another.")
    html = text(editor_client.get(history_url(draft)))
    assert re.search(r'<input type="radio" name="from" value="row-\d+"', html)
    assert "Compare the chosen versions" in html
    assert "/restore/" in html


def test_a_version_that_does_not_exist_is_a_404(editor_client, page):
    assert editor_client.get(f"{history_url(page)}page-999999/restore/").status_code == 404
    assert editor_client.get("/admin/content/page/999999/history/").status_code == 404


def test_the_guides_questions_and_answers_keep_their_history(reviewer_client):
    question = Question.objects.get(key="where")
    data = question_post_data(question, brain={"label": "In the brain or the spine"})
    response = reviewer_client.post(f"/admin/content/question/{question.pk}/change/", data)
    assert response.status_code == 302
    answer = Answer.objects.get(question=question, key="brain")
    assert answer.history.first().label == "In the brain or the spine"
    assert answer.history.first().history_user.username == "dr-rao"
    assert answer.history.last().label != "In the brain or the spine"
    # The guide's history is kept whole, on the guide's own page.
    html = text(reviewer_client.get(f"/admin/content/question/{question.pk}/history/", follow=True))
    assert "Dr Rao" in html
    assert "Change: draft: not yet submitted" in html


def test_a_reviewers_restore_that_would_strand_a_parent_is_refused(reviewer_client):
    page = Page.objects.in_language().get(slug="low-risk")
    kept = page.body
    # A live version without the section the guide opens at (saved past the admin).
    page.body = "No sections."
    page.save()
    page.body = kept
    page.save()
    broken = next(v.key for v in review.versions(page) if v.data["body"] == "No sections.")
    response = reviewer_client.post(f"{history_url(page)}{broken}/restore/", follow=True)
    assert "would leave the guide unable to help a parent" in text(response)
    assert Page.objects.get(pk=page.pk).body == kept
