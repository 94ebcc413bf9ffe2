"""Sign-off in the admin tells people by email, through a real SMTP server; a
mail server that is down never stops a save."""

from html import unescape

import pytest

from content import review
from content.models import SiteText
from tests.support.factories import decide, make_page, make_user, page_form_data

pytestmark = pytest.mark.django_db

MEDICAL = "## Fever {#fever}\n\nCall the ward at once if your child has a fever."


@pytest.fixture
def people(db):
    return {
        "sam": make_user("sam", "editor", first_name="Sam", email="sam@example.org"),
        "lee": make_user("lee", "reviewer", first_name="Dr Lee", email="lee@example.org"),
        "patel": make_user("patel", "reviewer", first_name="Dr Patel", email="patel@example.org"),
    }


def client_for(client, user):
    client.force_login(user)
    return client


def text_of(message):
    return message["Subject"] + "\n" + message.get_content()


def submit(client, page, body):
    page = type(page).objects.get(pk=page.pk)
    return client.post(
        f"/admin/content/page/{page.pk}/change/",
        page_form_data(page, body=body, _submit_for_sign_off="1"),
        follow=True,
    )


def test_submit_send_back_and_sign_off_each_tell_the_right_people(
    smtp_server, people, client, django_user_model, django_capture_on_commit_callbacks
):
    page = make_page(slug="fever", title="Fever during treatment", body=MEDICAL)
    sam, lee = people["sam"], people["lee"]
    editor = client_for(client, sam)
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, page, MEDICAL + "\n\nEven at night.")
    for reviewer in ("lee@example.org", "patel@example.org"):
        [message] = smtp_server.to(reviewer)
        text = text_of(message)
        assert "Fever during treatment" in text and "Sam" in text
        assert f"/admin/content/page/{page.pk}/review/" in text
        assert "Call the ward" not in text  # never the text under review
    assert smtp_server.to("sam@example.org") == []
    # Saving a draft tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            f"/admin/content/page/{page.pk}/change/",
            page_form_data(page, body=MEDICAL + "\n\nA draft."),
        )
    assert len(smtp_server.messages) == 2

    with django_capture_on_commit_callbacks(execute=True):
        decide(client_for(client, lee), page, {"send_back": "1", "comment": "Say which ward."})
    [sent_back] = smtp_server.to("sam@example.org")
    assert "Say which ward." in text_of(sent_back)

    with django_capture_on_commit_callbacks(execute=True):
        submit(client_for(client, sam), page, MEDICAL + "\n\nThe ward on your card.")
    with django_capture_on_commit_callbacks(execute=True):
        decide(client_for(client, lee), page, {"sign_off": "1"})
    signed = smtp_server.to("sam@example.org")[-1]
    assert "Signed off and published" in text_of(signed)
    assert "/pages/fever/" in text_of(signed)


def test_a_site_text_submitted_for_sign_off_emails_the_reviewers(
    smtp_server, people, client, django_capture_on_commit_callbacks
):
    site_text = SiteText.current()
    editor = client_for(client, people["sam"])
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            f"/admin/content/sitetext/{site_text.pk}/change/",
            {
                "organisation_name": "A Trust",
                "worried_now": site_text.worried_now,
                "about": site_text.about,
                "contact": site_text.contact,
                "edit_token": review.edit_token(site_text),
                "_submit_for_sign_off": "1",
            },
        )
    [message] = smtp_server.to("lee@example.org")
    assert "Site-wide texts" in text_of(message)


@pytest.mark.django_db(transaction=True)
def test_with_the_mail_server_down_the_save_still_succeeds_and_says_so(
    smtp_server_down, people, client
):
    # A real commit at the end of the admin's transaction sends the emails.
    page = make_page(slug="fever", title="Fever during treatment", body=MEDICAL)
    response = submit(client_for(client, people["sam"]), page, MEDICAL + "\n\nEven at night.")
    assert response.status_code == 200
    assert review.waiting_change(page).is_submitted
    html = unescape(response.content.decode())
    assert "could not be sent" in html
