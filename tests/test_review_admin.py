"""Sign-off before publication, through the admin's own views, as an Editor, a
Medical reviewer and a superuser."""

import datetime
from html import unescape

import pytest
from django.utils import timezone

from content import review
from content.models import Change, Page, Question, ReviewDecision
from tests.support.factories import decide, make_page, page_form_data

pytestmark = pytest.mark.django_db

OLD = "Some plain words."
NEW = "Some new and kinder words."


def change_url(page):
    return f"/admin/content/page/{page.pk}/change/"


def review_url(page):
    return f"/admin/content/page/{page.pk}/review/"


def edit(client, page, **changes):
    page = Page.objects.get(pk=page.pk)
    return client.post(change_url(page), page_form_data(page, **changes), follow=True)


def propose(client, page, body=None):
    """Change the text and submit it for sign-off."""
    page = Page.objects.get(pk=page.pk)
    return edit(client, page, body=(body or page.body.replace(OLD, NEW)), _submit_for_sign_off="1")


def text(response):
    return unescape(response.content.decode())


def test_an_editors_change_to_a_published_page_waits_and_parents_keep_the_live_text(
    editor_client, client, page
):
    response = propose(editor_client, page)
    assert "Saved and submitted: the medical reviewers are asked to sign it off" in text(response)
    page.refresh_from_db()
    assert OLD in page.body and NEW not in page.body_html
    public = text(client.get(page.get_absolute_url()))
    assert OLD in public
    assert NEW not in public
    assert "Preview" not in public
    # The public cannot ask for the waiting text either.
    assert NEW not in text(client.get(page.get_absolute_url() + "?preview=waiting"))


def test_staff_preview_the_waiting_version_as_the_whole_page_with_a_banner(editor_client, page):
    propose(editor_client, page)
    html = text(editor_client.get(page.get_absolute_url()))
    assert "Preview: changes waiting for sign-off" in html
    assert NEW in html
    assert "<h1>A test page</h1>" in html
    assert "This page has not yet been checked by a clinician" in html
    live = text(editor_client.get(page.get_absolute_url() + "?preview=live"))
    assert "this is what parents see now" in live
    assert OLD in live and NEW not in live


def test_a_staff_preview_of_waiting_text_is_never_kept_for_the_public(
    editor_client, client, page, reviewer
):
    propose(editor_client, page)
    staff = editor_client.get(page.get_absolute_url())
    assert NEW in text(staff)
    assert "private" in staff["Cache-Control"]
    assert "public" not in staff["Cache-Control"]
    for _ in range(2):  # rendered, then from the page cache
        public = client.get(page.get_absolute_url())
        assert public.status_code == 200
        assert OLD in text(public) and NEW not in text(public)
        assert public["Cache-Control"].startswith("public")
    # Once signed off, parents see the new text at once: not an old cached copy.
    review.sign_off(Page.objects.get(pk=page.pk), reviewer)
    assert NEW in text(client.get(page.get_absolute_url()))


def test_the_preview_shows_the_waiting_sources(editor_client, page):
    page = Page.objects.get(pk=page.pk)
    data = page_form_data(page)
    data.update(
        {
            "sources-TOTAL_FORMS": 1,
            "sources-0-organisation": "Children's Cancer and Leukaemia Group",
            "sources-0-title": "Neuroblastoma",
            "sources-0-url": "https://www.cclg.org.uk/",
            "sources-0-accessed": "2026-11-30",
            "sources-0-order": 1,
            "sources-0-page": page.pk,
        }
    )
    editor_client.post(change_url(page), data)
    assert not page.sources.exists()
    html = text(editor_client.get(page.get_absolute_url()))
    assert "Children's Cancer and Leukaemia Group" in html
    assert 'we read it on <time datetime="2026-11-30">' in html
    # And the change form shows the waiting source, so editors keep working on it.
    assert "Children's Cancer and Leukaemia Group" in text(editor_client.get(change_url(page)))


def test_the_change_form_and_page_list_say_changes_are_waiting(editor_client, page):
    propose(editor_client, page)
    form = text(editor_client.get(change_url(page)))
    assert "Waiting for sign-off</h2>" in form
    assert NEW in form  # the editor carries on from the waiting text
    listing = text(editor_client.get("/admin/content/page/?sign_off=waiting"))
    assert '<td class="field-status_and_sign_off">Published<br>Waiting for sign-off</td>' in listing
    assert page.title in listing
    others = text(editor_client.get("/admin/content/page/?sign_off=new"))
    assert page.title not in others


def test_an_editor_cannot_publish_a_page(editor_client, draft):
    form = text(editor_client.get(change_url(draft)))
    assert 'name="status"' not in form
    edit(editor_client, draft, status="published", body="Draft words.")
    draft.refresh_from_db()
    assert draft.status == Page.Status.DRAFT
    assert draft.body == "Draft words."  # a draft is edited in place


def test_a_reviewer_cannot_publish_by_the_status_field_either(reviewer_client, draft):
    response = edit(reviewer_client, draft, status="published")
    assert "A page is published when a medical reviewer signs it off" in text(response)
    assert Page.objects.get(pk=draft.pk).status == Page.Status.DRAFT


def test_a_new_page_stays_unpublished_until_a_reviewer_signs_it_off(
    editor_client, reviewer_client, client, today
):
    response = editor_client.post(
        "/admin/content/page/add/",
        {
            "title": "Feeling tired",
            "slug": "feeling-tired",
            "summary": "For parents whose child is very tired.",
            "order": 9,
            "body": "## Why it happens {#why}\n\nTreatment can make a child tired.",
            "sources-TOTAL_FORMS": 0,
            "sources-INITIAL_FORMS": 0,
            "_submit_for_sign_off": "1",
        },
    )
    assert response.status_code == 302
    page = Page.objects.in_language().get(slug="feeling-tired")
    assert page.status == Page.Status.DRAFT
    assert client.get("/pages/feeling-tired/").status_code == 404
    assert "Feeling tired" in text(reviewer_client.get("/admin/"))
    decide(reviewer_client, page, {"sign_off": "1"})
    page.refresh_from_db()
    assert page.status == Page.Status.PUBLISHED
    assert "Treatment can make a child tired." in text(client.get("/pages/feeling-tired/"))


def test_a_reviewer_sees_what_is_waiting_on_the_front_page_and_in_a_list(
    editor_client, reviewer_client, page
):
    propose(editor_client, page)
    front = text(reviewer_client.get("/admin/"))
    assert "Waiting for your sign-off (1)" in front
    assert f'<a href="{review_url(page)}">A test page</a> (page), submitted by Nina Editor' in front
    listing = text(reviewer_client.get("/admin/content/change/"))
    assert "Nina Editor" in listing
    assert review_url(page) in listing
    # The editor's own front page lists it as theirs, not as one to review.
    mine = text(editor_client.get("/admin/"))
    assert "Yours, waiting for a medical reviewer (1)" in mine
    assert "Waiting for your sign-off" not in mine


def test_the_review_shows_a_readable_diff_not_relying_on_colour(
    editor_client, reviewer_client, page
):
    propose(editor_client, page)
    html = text(reviewer_client.get(review_url(page)))
    assert "The whole text parents will read, with the changes from the live version" in html
    assert '<del><span class="visually-hidden">Removed: </span>plain</del>' in html
    assert '<ins><span class="visually-hidden">Added: </span>new and kinder</ins>' in html
    assert 'Title <span class="diff-same">(not changed)</span>' in html


def test_sign_off_publishes_the_change_and_records_who_in_what_role_and_when(
    editor_client, reviewer_client, client, page, today
):
    propose(editor_client, page)
    response = decide(
        reviewer_client, page, {"sign_off": "1", "comment": "Clear and right."}, follow=True
    )
    assert "is signed off and published" in text(response)
    page.refresh_from_db()
    assert NEW in page.body_html
    assert page.checked_by_role == "Medical reviewer"
    assert page.last_reviewed == today
    assert page.review_due == today.replace(year=today.year + 1)
    assert page.checked_at is not None
    assert not review.waiting_change(page)
    decision = page.decisions.get()
    assert decision.decision == ReviewDecision.Decision.SIGNED_OFF
    assert (decision.decided_by_name, decision.role) == ("Dr Rao", "Medical reviewer")
    assert decision.comment == "Clear and right."
    public = text(client.get(page.get_absolute_url()))
    assert NEW in public
    assert "Checked by" in public
    assert f'Medical reviewer, <time datetime="{today:%Y-%m-%d}">' in public


def test_a_reviewer_may_choose_the_next_review_date(editor_client, reviewer_client, page):
    propose(editor_client, page)
    due = timezone.localdate() + datetime.timedelta(days=90)
    decide(reviewer_client, page, {"sign_off": "1", "review_due": due.isoformat()})
    page.refresh_from_db()
    assert page.review_due == due


def test_an_editor_cannot_sign_off_or_send_back(editor_client, page):
    propose(editor_client, page)
    assert decide(editor_client, page, {"sign_off": "1"}).status_code == 403
    response = decide(editor_client, page, {"send_back": "1", "comment": "x"})
    assert response.status_code == 403
    page.refresh_from_db()
    assert NEW not in page.body
    # They can read what is waiting, without the decision forms.
    html = text(editor_client.get(review_url(page)))
    assert "A medical reviewer signs this off or sends it back." in html
    assert "Sign off and publish" not in html


def test_a_reviewer_cannot_sign_off_their_own_change(reviewer_client, other_reviewer_client, page):
    propose(reviewer_client, page)
    html = text(decide(reviewer_client, page, {"sign_off": "1"}))
    assert "another medical reviewer must sign it off" in html
    page.refresh_from_db()
    assert NEW not in page.body and not page.is_checked
    decide(other_reviewer_client, page, {"sign_off": "1"})
    page.refresh_from_db()
    assert NEW in page.body
    assert page.decisions.get().decided_by_name == "Dr Okafor"


def test_a_superuser_signs_off_their_own_change_only_with_a_reason_which_is_recorded(
    superuser_client, page
):
    propose(superuser_client, page)
    html = text(decide(superuser_client, page, {"sign_off": "1"}))
    assert "only if you give the reason" in html
    assert NEW not in Page.objects.get(pk=page.pk).body
    reason = "The only reviewer is on leave; the change fixes a wrong phone number."
    decide(superuser_client, page, {"sign_off": "1", "override_reason": reason})
    page.refresh_from_db()
    assert NEW in page.body
    decision = page.decisions.get()
    assert decision.override_reason == reason
    assert decision.role == page.checked_by_role == "Site administrator"
    history = text(superuser_client.get(f"/admin/content/page/{page.pk}/history/"))
    assert "Signed off their own change, because:" in history


def test_a_reviewer_sends_a_change_back_with_a_comment_the_editor_sees(
    editor_client, reviewer_client, page
):
    propose(editor_client, page)
    response = decide(reviewer_client, page, {"send_back": "1", "comment": ""})
    assert "Say what the editor should change" in text(response)
    decide(reviewer_client, page, {"send_back": "1", "comment": "Please say who to call at night."})
    form = text(editor_client.get(change_url(page)))
    assert "Sent back by Dr Rao" in form
    assert "Please say who to call at night." in form
    assert NEW in form  # their text is still there to rework
    assert "Sent back" in text(editor_client.get("/admin/content/page/"))
    assert NEW not in Page.objects.get(pk=page.pk).body
    # Saving again puts it back in the queue, and the note goes.
    propose(editor_client, page, body="Call the ward's number, day or night.")
    assert review.waiting_change(page).state == Change.State.SUBMITTED
    assert "Sent back by" not in text(editor_client.get(change_url(page)))


def test_a_new_page_can_be_sent_back_too(reviewer_client, editor_client, draft):
    decide(reviewer_client, draft, {"send_back": "1", "comment": "Add the sources."})
    assert "Add the sources." in text(editor_client.get(change_url(draft)))
    assert Page.objects.get(pk=draft.pk).status == Page.Status.DRAFT


def test_unchecked_pages_say_so_honestly_until_a_reviewer_signs_them_off(client, reviewer_client):
    page = Page.objects.in_language().get(slug="cns")
    assert page.last_reviewed is None
    html = text(client.get(page.get_absolute_url()))
    assert "This page has not yet been checked by a clinician" in html
    assert "Page last reviewed" not in html
    listing = text(reviewer_client.get("/admin/"))
    assert "Live, never checked by a clinician" in listing
    assert page.title in listing
    # Signing off the live text as it is checks it.
    decide(reviewer_client, page, {"sign_off": "1"})
    html = text(client.get(page.get_absolute_url()))
    assert "has not yet been checked" not in html
    assert "Page last reviewed" in html


def test_a_sign_off_that_would_strand_a_parent_is_refused(reviewer, other_reviewer_client):
    page = Page.objects.in_language().get(slug="low-risk")
    # Written past the form's own check (which refuses it earlier).
    data = {**review.working_data(page), "body": "No sections now."}
    review.save_edit(page, data, reviewer, submit=True)
    html = text(decide(other_reviewer_client, page, {"sign_off": "1"}))
    assert "would leave the guide unable to help a parent" in html
    assert "section “spread” that the page does not have" in html
    assert '<h2 id="spread">' in Page.objects.get(pk=page.pk).body_html


def test_the_form_refuses_early_a_change_that_would_strand_a_parent(editor_client):
    page = Page.objects.in_language().get(slug="low-risk")
    response = edit(editor_client, page, body=page.body.replace("{#spread}", ""))
    assert "section “spread” that the page does not have" in text(response)
    assert not Change.objects.exists()


def test_unpublishing_is_a_medical_reviewers_action(editor_client, reviewer_client, page):
    edit(editor_client, page, status="draft")
    assert Page.objects.get(pk=page.pk).is_published
    edit(reviewer_client, page, status="draft")
    page.refresh_from_db()
    assert not page.is_published
    decision = page.decisions.get()
    assert decision.decision == ReviewDecision.Decision.UNPUBLISHED


def test_settings_of_a_published_page_change_at_once_but_its_text_waits(editor_client, page):
    propose(editor_client, page)
    edit(editor_client, page, order=7)
    page.refresh_from_db()
    assert page.order == 7
    assert NEW not in page.body
    assert NEW in review.waiting_change(page).data["body"]


def test_saving_the_live_text_again_withdraws_the_waiting_change(editor_client, page):
    propose(editor_client, page)
    response = edit(editor_client, page, body=Page.objects.get(pk=page.pk).body)
    assert "so nothing waits for sign-off" in text(response)
    assert not review.waiting_change(page)


def test_the_guide_can_be_changed_by_a_reviewer_but_not_an_editor(editor_client, reviewer_client):
    question = Question.objects.get(key="where")
    url = f"/admin/content/question/{question.pk}/change/"
    assert editor_client.get(url).status_code == 200  # they may read it
    assert editor_client.post(url, {"text": "Changed"}).status_code == 403
    assert editor_client.get("/admin/content/question/add/").status_code == 403
    assert reviewer_client.get("/admin/content/question/add/").status_code == 200
    assert 'name="text"' in text(reviewer_client.get(url))


def test_editors_cannot_delete_pages_or_manage_users(editor_client, page):
    assert editor_client.post(f"/admin/content/page/{page.pk}/delete/").status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()
    assert editor_client.get("/admin/auth/user/").status_code == 403


def test_a_superuser_can_do_everything(superuser_client, editor_client, page):
    propose(editor_client, page)
    decide(superuser_client, page, {"sign_off": "1"})
    assert NEW in Page.objects.get(pk=page.pk).body
    assert superuser_client.get("/admin/auth/user/").status_code == 200


def test_a_sign_off_with_a_review_date_in_the_past_is_refused(editor_client, reviewer_client, page):
    propose(editor_client, page)
    html = text(decide(reviewer_client, page, {"sign_off": "1", "review_due": "2020-01-01"}))
    assert "The next review must be due after today." in html
    assert NEW not in Page.objects.get(pk=page.pk).body


def test_the_page_list_costs_the_same_with_more_pages(editor_client, django_assert_max_num_queries):
    for i in range(30):
        make_page(slug=f"p{i}", title=f"Page {i}")
    # One more than before: the page list reads the waiting changes (one query).
    with django_assert_max_num_queries(13):
        response = editor_client.get("/admin/content/page/")
    assert response.status_code == 200
    assert "Page 29" in text(response)


def test_the_front_page_panel_stays_short_however_many_pages_wait(
    editor, reviewer_client, django_assert_max_num_queries
):
    for i in range(40):
        page = make_page(slug=f"new-{i}", title=f"New page {i}", status="draft")
        review.save_edit(page, {**review.working_data(page), "body": "New."}, editor, submit=True)
    # A fixed number however many wait; with the starting translations, the
    # "behind the English" panel reads each kind of translation once (pages
    # and their sources, words, site texts, guide words): five more.
    with django_assert_max_num_queries(25):
        html = text(reviewer_client.get("/admin/"))
    assert "Waiting for your sign-off (40)" in html
    assert html.count("(page), submitted by Nina Editor") == 10


def test_signing_off_writes_the_waiting_sources_onto_the_page(editor_client, reviewer_client, page):
    page = Page.objects.get(pk=page.pk)
    data = page_form_data(page, body="Words with a source.", _submit_for_sign_off="1")
    data.update(
        {
            "sources-TOTAL_FORMS": 1,
            "sources-0-organisation": "National Cancer Institute",
            "sources-0-title": "Neuroblastoma Treatment",
            "sources-0-date": "2025-03-01",
            "sources-0-accessed": "2026-11-30",
            "sources-0-order": 1,
            "sources-0-page": page.pk,
        }
    )
    editor_client.post(change_url(page), data)
    html = text(reviewer_client.get(review_url(page)))
    assert "National Cancer Institute, Neuroblastoma Treatment, dated 2025-03-01" in html
    decide(reviewer_client, page, {"sign_off": "1"})
    source = page.sources.get()
    assert (source.title, source.date, source.accessed) == (
        "Neuroblastoma Treatment",
        datetime.date(2025, 3, 1),
        datetime.date(2026, 11, 30),
    )


def test_a_reviewer_can_open_the_review_of_a_new_page(reviewer_client, draft):
    # Nothing is live yet: every word of the draft shows as added.
    response = reviewer_client.get(review_url(draft))
    assert response.status_code == 200
    assert "Added:" in response.content.decode()
