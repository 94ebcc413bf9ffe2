"""Every text a parent reads waits for a second person's sign-off, through the
admin: the worried-now box and About, glossary words, the guide. And no admin
address lets anyone change what their role may not."""

import re
from html import unescape

import pytest

from content import review
from content.models import Answer, Guide, Page, Question, SiteText, Term
from content.review.text import normalise
from tests.support.factories import decide, make_term, page_form_data
from tests.test_guide_admin import question_post_data

pytestmark = pytest.mark.django_db


def text(response):
    return unescape(response.content.decode())


def site_text_form(site_text, **changes):
    data = {
        "organisation_name": site_text.organisation_name,
        "worried_now": site_text.worried_now,
        "about": site_text.about,
        "contact": site_text.contact,
        "edit_token": review.edit_token(site_text),
    }
    return {**data, **changes}


def term_form(term, **changes):
    data = {
        name: getattr(term, name)
        for name in ("term", "slug", "definition", "other_names", "source_name", "source_url")
    }
    return {**data, "edit_token": review.edit_token(term) if term.pk else "", **changes}


def test_an_editors_worried_now_box_stays_off_every_page_until_signed_off(
    editor_client, reviewer_client, client
):
    site_text = SiteText.current()
    url = f"/admin/content/sitetext/{site_text.pk}/change/"
    before = text(client.get("/pages/cns/"))  # now in the page cache
    assert "If you are worried right now" in before
    response = editor_client.post(
        url,
        site_text_form(site_text, worried_now="Call 0900 000 000 now.", _submit_for_sign_off="1"),
    )
    assert response.status_code == 302
    for address in ("/pages/cns/", "/about/", "/guide/result/?where=brain"):
        assert "0900 000 000" not in text(client.get(address))
    # Staff who are signed in see it as parents will, before it is signed off.
    assert "0900 000 000" in text(editor_client.get("/pages/cns/"))
    # The editor cannot sign off their own words; a medical reviewer can.
    assert decide(editor_client, site_text, {"sign_off": "1"}).status_code == 403
    decide(reviewer_client, site_text, {"sign_off": "1"})
    assert "0900 000 000" in text(client.get("/pages/cns/"))
    about = text(client.get("/about/"))
    assert "Checked by: Medical reviewer" in about


def test_the_worried_now_box_and_about_say_when_no_clinician_checked_them(client):
    assert not SiteText.current().is_checked
    assert "A clinician has not yet checked this box's words." in text(client.get("/pages/cns/"))
    assert "This page has not yet been checked by a clinician." in text(client.get("/about/"))


def test_a_site_text_change_can_be_restored_from_its_history(editor_client, reviewer_client):
    site_text = SiteText.current()
    url = f"/admin/content/sitetext/{site_text.pk}/change/"
    first = normalise(site_text.worried_now)
    editor_client.post(url, site_text_form(site_text, worried_now="Another text."))
    old = next(v for v in review.versions(site_text) if v.data["worried_now"] == first)
    history = text(editor_client.get(f"/admin/content/sitetext/{site_text.pk}/history/"))
    assert "Compare the chosen versions" in history
    editor_client.post(f"/admin/content/sitetext/{site_text.pk}/history/{old.key}/restore/")
    # Putting the live text back leaves nothing waiting.
    assert review.waiting_change(site_text) is None


def test_a_new_glossary_word_and_a_changed_explanation_wait(editor_client, reviewer_client, client):
    response = editor_client.post(
        "/admin/content/term/add/",
        term_form(
            Term(
                term="port",
                slug="port",
                definition="A small device under the skin for medicines.",
                source_name="NCI Dictionary of Cancer Terms",
                source_url="https://www.cancer.gov/",
            ),
            _submit_for_sign_off="1",
        ),
    )
    assert response.status_code == 302, text(response)[-2000:]
    term = Term.objects.in_language().get(slug="port")
    assert "A small device under the skin" not in text(client.get("/glossary/"))
    assert "A small device under the skin" in text(editor_client.get("/glossary/"))
    decide(reviewer_client, term, {"sign_off": "1"})
    assert "A small device under the skin" in text(client.get("/glossary/"))

    changed = editor_client.post(
        f"/admin/content/term/{term.pk}/change/",
        term_form(Term.objects.get(pk=term.pk), definition="A wrong new explanation."),
    )
    assert changed.status_code == 302
    assert "A wrong new explanation." not in text(client.get("/glossary/"))
    assert Term.objects.get(pk=term.pk).definition.startswith("A small device")


def test_the_glossary_says_which_explanations_are_checked(client, reviewer):
    checked = make_term(term="scan", slug="scan", definition="A picture of the inside.")
    make_term()
    review.sign_off(checked, reviewer)
    html = text(client.get("/glossary/"))
    assert "the ones not yet checked say so" in html
    assert html.count("Not yet checked by a clinician.") == Term.objects.published().count() - 1


def test_a_guide_change_waits_and_staff_can_try_it_first(
    reviewer_client, other_reviewer_client, client
):
    question = Question.objects.get(key="where")
    response = reviewer_client.post(
        f"/admin/content/question/{question.pk}/change/",
        question_post_data(question, brain={"label": "In the head or the spine"}),
        follow=True,
    )
    assert "Parents do not see this yet" in text(response)
    assert "In the head or the spine" not in text(client.get("/guide/where/"))
    # The reviewer who made it tries it, signed in.
    assert "In the head or the spine" in text(reviewer_client.get("/guide/where/"))
    guide = Guide.current()
    submitted = reviewer_client.post(
        f"/admin/content/guide/{guide.pk}/change/",
        {"edit_token": review.edit_token(guide), "_submit_for_sign_off": "1"},
    )
    assert submitted.status_code == 302
    review_html = text(other_reviewer_client.get(f"/admin/content/guide/{guide.pk}/review/"))
    assert '<ins><span class="visually-hidden">Added: </span>head</ins>' in review_html
    # Its author may not publish it; another medical reviewer does.
    html = text(decide(reviewer_client, guide, {"sign_off": "1"}))
    assert "another medical reviewer must sign it off" in html
    decide(other_reviewer_client, guide, {"sign_off": "1"})
    assert "In the head or the spine" in text(client.get("/guide/where/"))


def test_a_guide_that_would_strand_a_parent_is_refused_at_sign_off(reviewer, other_reviewer):
    guide = Guide.current()
    # Past the admin's own check: the unsure answer loses its "not sure" mark.
    Answer.objects.filter(question__key="where", key="not-sure").update(is_unsure=False)
    from content.review.kinds import guide_rows_data

    review.save_edit(guide, guide_rows_data(), reviewer, submit=True)
    with pytest.raises(review.ReviewRefused, match="unable to help a parent"):
        review.sign_off(guide, other_reviewer)


def test_the_review_screen_shows_the_whole_page_and_says_what_signing_off_means(
    editor_client, reviewer_client
):
    page = Page.objects.in_language().get(slug="high-risk")
    assert not page.is_checked
    body = page.body.replace("{#one-place}", "{#one-place}\n\nOne new sentence.", 1)
    editor_client.post(
        f"/admin/content/page/{page.pk}/change/",
        page_form_data(page, body=body, _submit_for_sign_off="1"),
    )
    html = text(reviewer_client.get(f"/admin/content/page/{page.pk}/review/"))
    assert "lines not changed" not in html
    # The last line of a long page is on the screen, unchanged and readable.
    last = [line for line in page.body.splitlines() if line.strip()][-1]
    assert unescape(last.strip()) in html
    words = re.sub(r"<[^>]+>", "", html)
    assert "Signing off tells parents the whole text below was checked" in words


def test_a_sign_off_of_a_version_the_reviewer_was_not_shown_is_refused(
    editor_client, reviewer_client, page
):
    url = f"/admin/content/page/{page.pk}/change/"
    editor_client.post(url, page_form_data(page, body="Change A.", _submit_for_sign_off="1"))
    shown = re.search(
        r'name="seen" value="([^"]+)"',
        text(reviewer_client.get(f"/admin/content/page/{page.pk}/review/")),
    ).group(1)
    page = Page.objects.get(pk=page.pk)
    editor_client.post(url, page_form_data(page, body="Change B.", _submit_for_sign_off="1"))
    response = reviewer_client.post(
        f"/admin/content/page/{page.pk}/review/", {"sign_off": "1", "seen": shown}
    )
    assert "changed after you opened it, so nothing was published" in text(response)
    assert "Change B." not in Page.objects.get(pk=page.pk).body


@pytest.mark.parametrize("model", ["question", "answer", "term", "sitetext", "page", "guide"])
def test_no_history_address_saves_anything(model, superuser_client, reviewer_client):
    # simple-history's "revert" view is not routed: restore goes through sign-off.
    item = {
        "question": Question.objects.first,
        "answer": Answer.objects.first,
        "term": Term.objects.first,
        "sitetext": SiteText.current,
        "page": Page.objects.first,
        "guide": Guide.current,
    }[model]()
    record = item.history.first()
    if record is None:
        item.save()
        record = item.history.first()
    url = f"/admin/content/{model}/{item.pk}/history/{record.history_id}/"
    kept = item.history.count()
    for client in (superuser_client, reviewer_client):
        response = client.post(url, {"text": "Call 0900 000 000 now.", "label": "0900"})
        # Django's admin sends an unknown address under an item to its change
        # form; nothing is saved on the way.
        assert response.status_code in {302, 404}
    assert item.history.count() == kept
    assert not Question.objects.filter(text__contains="0900").exists()
    assert not Answer.objects.filter(label__contains="0900").exists()


def test_an_editor_cannot_change_a_review_date(editor_client, page):
    due = page.review_due
    form = text(editor_client.get(f"/admin/content/page/{page.pk}/change/"))
    assert 'name="review_due"' not in form
    editor_client.post(
        f"/admin/content/page/{page.pk}/change/", page_form_data(page, review_due="2099-12-31")
    )
    assert Page.objects.get(pk=page.pk).review_due == due


def test_a_reviewer_changes_a_review_date_and_it_is_kept(reviewer_client, page):
    reviewer_client.post(
        f"/admin/content/page/{page.pk}/change/", page_form_data(page, review_due="2099-12-31")
    )
    assert str(Page.objects.get(pk=page.pk).review_due) == "2099-12-31"


def test_a_save_from_a_browser_that_changes_no_text_makes_no_waiting_change(editor_client):
    page = Page.objects.in_language().get(slug="low-risk")
    data = page_form_data(page, order=page.order + 1)
    data["body"] = data["body"].replace("\n", "\r\n").rstrip()
    response = editor_client.post(f"/admin/content/page/{page.pk}/change/", data, follow=True)
    assert "nothing waits for sign-off" in text(response)
    assert review.waiting_change(page) is None
    assert Page.objects.get(pk=page.pk).order == page.order + 1


def test_an_editor_withdraws_a_submitted_change(editor_client, reviewer, page):
    url = f"/admin/content/page/{page.pk}/change/"
    editor_client.post(url, page_form_data(page, body="Not ready.", _submit_for_sign_off="1"))
    assert review.waiting_for(reviewer)["to_review"]
    form = text(editor_client.get(url))
    assert 'name="_withdraw"' in form
    response = editor_client.post(
        url, page_form_data(Page.objects.get(pk=page.pk), _withdraw="1"), follow=True
    )
    assert "Withdrawn" in text(response)
    assert review.waiting_for(reviewer)["to_review"] == []
    assert review.waiting_change(page).data["body"] == "Not ready."


def test_search_never_finds_a_glossary_word_waiting_for_sign_off(client):
    Term.objects.create(term="xyzzy port", slug="xyzzy-port", definition="A waiting word.")
    assert "A waiting word." not in text(client.get("/search/?q=xyzzy"))
    Term.objects.filter(slug="xyzzy-port").update(published=True)
    assert "A waiting word." in text(client.get("/search/?q=xyzzy+port"))


def test_an_earlier_guide_is_restored_into_the_working_copy(reviewer, other_reviewer):
    from content.review.kinds import guide_rows_data

    guide = Guide.current()
    before = review.live_data(guide)
    answer = Answer.objects.get(question__key="where", key="brain")
    answer.label = "In the head"
    answer.save()
    review.save_edit(guide, guide_rows_data(), reviewer, submit=True)
    review.sign_off(guide, other_reviewer)
    assert Answer.objects.get(pk=answer.pk).label == "In the head"
    old = next(v for v in review.versions(guide) if v.data == before)
    # A medical reviewer who wrote none of it puts a once-live guide back live:
    # the rows (what reviewers edit and staff try) say the old words too.
    assert review.restore(guide, old, other_reviewer) == "live"
    assert Answer.objects.get(question__key="where", key="brain").label != "In the head"
    assert guide_rows_data() == review.live_data(guide) == before
    assert review.waiting_change(guide) is None
