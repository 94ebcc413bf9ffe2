"""Emails about sign-off (content/review/notify.py), sent through a real SMTP server
that the test starts (tests/support/smtp.py), and `manage.py review_digest`."""

import datetime
import io
import logging

import pytest
import time_machine
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import CommandError, call_command

from content import review
from content.review import notify
from tests.support.factories import make_page, make_user

pytestmark = pytest.mark.django_db

SITE = "https://neuroinfo.example.org"
TODAY = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)
# A sentence only the page's text has: no email may carry it.
MEDICAL = "Give two doses of the new medicine a day apart."


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def sam(db):
    return make_user("sam", "editor", first_name="Sam", last_name="Nurse", email="sam@example.org")


@pytest.fixture
def lee(db):
    return make_user("lee", "reviewer", first_name="Dr", last_name="Lee", email="lee@example.org")


@pytest.fixture
def patel(db):
    return make_user(
        "patel", "reviewer", first_name="Dr", last_name="Patel", email="patel@example.org"
    )


@pytest.fixture
def medical_page(db):
    return make_page(slug="treatment", title="Treatment when it comes back", body=MEDICAL)


def admin_request(rf, user):
    request = rf.post("/admin/content/page/1/change/")
    request.user = user
    request._messages = CookieStorage(request)
    return request


def admin_messages(request):
    return [str(m) for m in request._messages]


def text_of(message):
    return message["Subject"] + "\n" + message.get_content()


# --- who is a reviewer --------------------------------------------------------------


def test_reviewers_are_active_medical_reviewers_with_an_email_address(sam, lee, patel):
    make_user("no-email", "reviewer")
    make_user("gone", "reviewer", email="gone@example.org", is_active=False)
    make_user("root", is_superuser=True, email="root@example.org")
    assert list(notify.reviewers()) == [lee, patel]


# --- submitted ------------------------------------------------------------------------


def test_submitting_emails_each_reviewer_once_but_not_the_editor(
    rf, smtp_server, django_capture_on_commit_callbacks, lee, patel, medical_page
):
    make_user("okafor", "reviewer", first_name="Dr", last_name="Okafor", email="o@x.org")
    with django_capture_on_commit_callbacks(execute=True):
        notify.tell_reviewers_submitted(
            admin_request(rf, lee),
            item=medical_page,
            editor=lee,  # a reviewer who edited: someone else must sign it off
            review_url=f"/admin/content/page/{medical_page.pk}/review/",
            reviewers=notify.reviewers(),
        )

    assert smtp_server.to("lee@example.org") == []
    assert {r[0] for r, _ in smtp_server.messages} == {"patel@example.org", "o@x.org"}
    assert len(smtp_server.messages) == 2
    [message] = smtp_server.to("patel@example.org")
    text = text_of(message)
    assert (
        message["Subject"] == "[neuroinfo] Waiting for your sign-off: Treatment when it comes back"
    )
    assert "Hello Dr Patel" in text
    assert "Dr Lee has changed “Treatment when it comes back”" in text
    assert f"{SITE}/admin/content/page/{medical_page.pk}/review/" in text
    assert MEDICAL not in text


def test_nothing_is_sent_before_the_transaction_commits(
    rf, smtp_server, django_capture_on_commit_callbacks, sam, lee, medical_page
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify.tell_reviewers_submitted(
            None, item=medical_page, editor=sam, review_url="/r/", reviewers=[lee]
        )
    assert smtp_server.messages == []
    for callback in callbacks:
        callback()
    assert len(smtp_server.to("lee@example.org")) == 1


def test_without_site_url_links_use_the_address_the_request_came_to(
    rf, settings, smtp_server, django_capture_on_commit_callbacks, sam, lee, medical_page
):
    settings.SITE_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        notify.tell_reviewers_submitted(
            admin_request(rf, sam),
            item=medical_page,
            editor=sam,
            review_url="/admin/content/page/7/review/",
            reviewers=[lee],
        )
    [message] = smtp_server.to("lee@example.org")
    assert "http://testserver/admin/content/page/7/review/" in message.get_content()


# --- sent back and signed off -----------------------------------------------------------


def test_sending_back_emails_the_authors_the_comment_and_a_link(
    rf, smtp_server, django_capture_on_commit_callbacks, sam, lee, medical_page
):
    comment = "Please say which centre's advice this follows."
    with django_capture_on_commit_callbacks(execute=True):
        notify.tell_authors_sent_back(
            admin_request(rf, lee),
            item=medical_page,
            reviewer=lee,
            comment=comment,
            edit_url=f"/admin/content/page/{medical_page.pk}/change/",
            authors=[sam, lee],
        )
    assert smtp_server.to("lee@example.org") == []
    [message] = smtp_server.to("sam@example.org")
    text = text_of(message)
    assert message["Subject"] == "[neuroinfo] Sent back to you: Treatment when it comes back"
    assert "Dr Lee has sent back the change to “Treatment when it comes back”" in text
    assert comment in text
    assert f"{SITE}/admin/content/page/{medical_page.pk}/change/" in text
    assert MEDICAL not in text


def test_signing_off_emails_the_authors_the_public_address(
    rf, smtp_server, django_capture_on_commit_callbacks, sam, lee, medical_page
):
    with django_capture_on_commit_callbacks(execute=True):
        notify.tell_authors_signed_off(
            admin_request(rf, lee),
            item=medical_page,
            reviewer=lee,
            public_url=medical_page.get_absolute_url(),
            authors=[sam],
        )
    [message] = smtp_server.to("sam@example.org")
    text = text_of(message)
    assert (
        message["Subject"] == "[neuroinfo] Signed off and published: Treatment when it comes back"
    )
    assert f"{SITE}/pages/treatment/" in text
    assert MEDICAL not in text


# --- the mail server is down ---------------------------------------------------------


def test_with_the_mail_server_down_nothing_raises_and_the_failure_is_logged_and_shown(
    rf, smtp_server_down, django_capture_on_commit_callbacks, caplog, sam, lee, medical_page
):
    request = admin_request(rf, lee)
    calls = [
        lambda: notify.tell_reviewers_submitted(
            request, item=medical_page, editor=sam, review_url="/r/", reviewers=[lee]
        ),
        lambda: notify.tell_authors_sent_back(
            request, item=medical_page, reviewer=lee, comment="A comment.", edit_url="/e/",
            authors=[sam],
        ),
        lambda: notify.tell_authors_signed_off(
            request, item=medical_page, reviewer=lee, public_url="/p/", authors=[sam]
        ),
    ]  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="content.review.notify"):
        for call in calls:
            with django_capture_on_commit_callbacks(execute=True):
                call()  # does not raise

    warnings = [r.getMessage() for r in caplog.records if r.name == "content.review.notify"]
    assert len(warnings) == 3
    assert all("could not be sent: ConnectionRefusedError" in w for w in warnings)
    assert not any("Treatment" in w or "A comment." in w or MEDICAL in w for w in warnings)
    shown = admin_messages(request)
    assert shown[0].startswith("The email to Dr Lee could not be sent")
    assert shown[1].startswith("The email to Sam Nurse could not be sent")
    assert len(shown) == 3


def test_one_failed_address_does_not_stop_the_others(smtp_server, caplog, sam, lee):
    emails = [
        notify.Email("Nobody", "not an address@@", "Subject", "Body"),
        notify.Email("Sam Nurse", sam.email, "Subject", "Body"),
    ]
    with caplog.at_level(logging.WARNING, logger="content.review.notify"):
        failed = notify.deliver(emails)
    assert [e.name for e in failed] == ["Nobody"]
    assert len(smtp_server.to(sam.email)) == 1


# --- the digest -------------------------------------------------------------------------


def wait_for_sign_off(page, author, body="Some new words."):
    review.save_edit(page, {**review.working_data(page), "body": body}, author, submit=True)
    return review.waiting_change(page)


def test_waiting_for_digest_lists_submitted_changes_that_are_not_the_users_own(sam, lee, patel):
    by_sam = wait_for_sign_off(make_page(slug="a", title="A"), sam)
    wait_for_sign_off(make_page(slug="b", title="B"), lee)
    sent_back = wait_for_sign_off(make_page(slug="c", title="C"), sam)
    review.send_back(review.item_of(sent_back), patel, "Not yet.")

    assert notify.waiting_for_digest(lee) == [
        ("A", f"/admin/content/page/{by_sam.object_id}/review/")
    ]
    assert [title for title, _ in notify.waiting_for_digest(patel)] == ["A", "B"]


def test_the_digest_sends_each_reviewer_one_email_with_what_waits_and_what_is_overdue(
    smtp_server, sam, lee, patel
):
    wait_for_sign_off(make_page(slug="a", title="Low blood counts", body="x"), sam, MEDICAL)
    wait_for_sign_off(make_page(slug="b", title="Scans", body="x"), lee)
    late = make_page(slug="late", title="Clinical trials", review_due=datetime.date(2026, 11, 1))

    with time_machine.travel(TODAY, tick=False):
        call_command("review_digest", stdout=(out := io.StringIO()))

    assert "Sent 2 digest emails." in out.getvalue()
    [to_lee] = smtp_server.to("lee@example.org")
    [to_patel] = smtp_server.to("patel@example.org")
    assert smtp_server.to("sam@example.org") == []
    lee_text, patel_text = text_of(to_lee), text_of(to_patel)
    assert to_lee["Subject"] == "[neuroinfo] For you to review: 1 waiting, 1 overdue"
    assert to_patel["Subject"] == "[neuroinfo] For you to review: 2 waiting, 1 overdue"
    assert "Low blood counts" in lee_text and "Scans" not in lee_text
    assert "Low blood counts" in patel_text and "Scans" in patel_text
    for text in (lee_text, patel_text):
        assert "Clinical trials (review was due 1 November 2026)" in text
        assert f"{SITE}/admin/content/page/{late.pk}/review/" in text
        assert MEDICAL not in text


def test_a_reviewer_with_nothing_to_do_gets_no_digest(smtp_server, lee, patel):
    wait_for_sign_off(make_page(slug="b", title="Scans"), lee)
    with time_machine.travel(TODAY, tick=False):
        call_command("review_digest", stdout=(out := io.StringIO()))
    assert smtp_server.to("lee@example.org") == []
    assert len(smtp_server.to("patel@example.org")) == 1
    assert "Sent 1 digest email." in out.getvalue()


def test_the_digest_needs_site_url_for_its_links(settings, smtp_server, lee):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="Set SITE_URL"):
        call_command("review_digest")
    assert smtp_server.messages == []


def test_the_digest_with_the_mail_server_down_fails_with_a_clear_message(
    smtp_server_down, caplog, sam, lee
):
    wait_for_sign_off(make_page(slug="a", title="A"), sam)
    with pytest.raises(CommandError, match="1 digest email could not be sent"):
        call_command("review_digest", stdout=io.StringIO())
    assert "could not be sent: ConnectionRefusedError" in caplog.text
