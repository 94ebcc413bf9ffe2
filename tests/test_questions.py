"""Questions to take to the care team: each page's list, and the guide's sheet."""

import pytest

from content.models import Page
from content.questions import questions_section
from tests.support.factories import make_checked_page, make_page

pytestmark = pytest.mark.django_db

BODY = """## What it is

Some words, with a [link](/pages/other/).

- not a question, in another section

## Questions you may want to ask your child's care team {#questions}

- What does this mean for my child?
- Is there a [clinical trial](/pages/clinical-trials/) that might suit my child?

## Afterwards

- Not a question either
"""


def test_the_questions_are_read_from_their_section_and_nowhere_else():
    from content.rendering import render_markdown

    heading, questions = questions_section(render_markdown(BODY))
    assert heading == ("questions", "Questions you may want to ask your child's care team")
    assert questions == [
        "What does this mean for my child?",
        "Is there a clinical trial that might suit my child?",
    ]


def test_the_section_is_found_by_its_heading_even_without_the_fixed_id():
    html = '<h2 id="x">Questions you may want to ask the team</h2><ol><li>One?</li></ol>'
    assert questions_section(html) == (("x", "Questions you may want to ask the team"), ["One?"])


def test_a_page_without_questions_gives_none():
    assert questions_section("<h2 id='a'>A</h2><ul><li>x</li></ul>") == (None, [])
    assert questions_section("") == (None, [])


def test_every_starting_page_has_questions_to_print():
    for page in Page.objects.published():
        assert questions_section(page.body_html)[1], page.slug


def test_a_page_offers_its_questions_as_a_checklist_to_print(client):
    page = make_page(body=BODY)
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'href="/pages/a-test-page/questions/"' in html

    response = client.get("/pages/a-test-page/questions/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "What does this mean for my child?" in html
    assert "not a question" not in html
    assert "Not a question either" not in html
    assert html.count('class="checklist__line"') >= 2 * 3 + 6  # lines to write on
    assert "Your own questions" in html


def test_a_printout_says_where_and_when_it_came_from_and_its_review_state(client, today):
    page = make_page(body=BODY)
    page.sources.create(organisation="National Cancer Institute", title="PDQ", url="https://x.org")
    html = client.get("/pages/a-test-page/questions/").content.decode()
    assert "neuroinfo" in html
    assert "Page address: http://testserver/pages/a-test-page/questions/" in html
    assert f'Printed on <time datetime="{today:%Y-%m-%d}"' in html
    assert "This page has not yet been checked by a clinician" in html
    assert "National Cancer Institute" in html
    assert 'data-print-url="http://testserver/pages/a-test-page/"' in html


def test_a_signed_off_page_prints_who_checked_it_and_when(client):
    make_checked_page(body=BODY)
    html = client.get("/pages/a-test-page/questions/").content.decode()
    assert "Medical reviewer" in html
    assert "20 November 2026" in html
    assert "not yet been checked" not in html


def test_a_page_without_questions_has_no_questions_sheet(client):
    page = make_page()
    assert "/questions/" not in client.get(page.get_absolute_url()).content.decode()
    response = client.get("/pages/a-test-page/questions/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_drafts_questions_are_hidden_from_the_public(client):
    make_page(body=BODY, status="draft")
    assert client.get("/pages/a-test-page/questions/").status_code == 404


RESULT = "where=spread&risk-group=high"


def test_the_guide_result_offers_a_sheet_of_the_questions(client):
    html = client.get(f"/guide/result/?{RESULT}").content.decode()
    assert f'href="/guide/result/questions/?{RESULT.replace("&", "&amp;")}"' in html
    assert "Print your questions" in html


def test_the_guides_sheet_has_the_answers_the_pages_questions_and_blank_lines(client):
    response = client.get(f"/guide/result/questions/?{RESULT}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>What is happening now:</strong>" in html
    assert "<strong>Risk group when first found:</strong> High risk" in html
    high_risk = Page.objects.in_language().get(slug="high-risk")
    for question in questions_section(high_risk.body_html)[1]:
        assert question.replace("'", "&#x27;") in html
    assert "Your own questions" in html
    assert html.count('class="checklist__line"') > 6
    assert "This page has not yet been checked by a clinician" in html
    assert "Sources" in html
    assert 'href="/pages/high-risk/"' in html


def test_the_guides_sheet_stores_nothing_and_sets_no_cookie(client):
    from content.models import Feedback

    response = client.get(f"/guide/result/questions/?{RESULT}")
    assert not response.cookies
    assert "private" in response["Cache-Control"]
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "where=underground",
        "where=spread",
        "where=spread&risk-group=high&risk-group=low",
        "where=spread&risk-group=high&colour=blue",
        "",
    ],
)
def test_the_guides_sheet_refuses_bad_answers_like_the_result(client, query):
    response = client.get(f"/guide/result/questions/?{query}")
    assert response.status_code == 400
    assert "Start the guide again" in response.content.decode()


def test_a_moved_pages_questions_sheet_follows_it(client):
    from content.models import PageRedirect

    page = make_page(body=BODY, slug="new-address")
    PageRedirect.objects.create(old_slug="old-address", page=page)
    response = client.get("/pages/old-address/questions/")
    assert response.status_code == 301
    assert response["Location"] == "/pages/new-address/questions/"


@pytest.mark.parametrize(
    "address",
    ["/pages/high-risk/questions/", "/guide/result/questions/?where=spread&risk-group=high"],
)
def test_a_questions_sheet_has_a_print_button_shown_only_by_its_script(client, address):
    html = client.get(address).content.decode()
    button = '<button class="button print-button" type="button" data-print-button hidden>'
    assert button + "Print or save as PDF</button>" in html
    assert '<script src="/static/js/print.js" defer></script>' in html
    assert "<script>" not in html  # no inline script: the CSP allows only the site's files
    assert "Use your browser's Print option" in html  # for when the script does not run
