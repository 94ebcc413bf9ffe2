"""The guide driven over HTTP only, as a browser without JavaScript would."""

import re
from html import unescape
from urllib.parse import urlparse

import pytest

from content.models import Page

pytestmark = pytest.mark.django_db

PATHS = [
    # answers clicked, in order -> page, section
    ([("where", "brain")], "cns", ""),
    ([("where", "growing")], "what-is-recurrence", "progressive"),
    ([("where", "one-place"), ("risk-group", "low")], "low-risk", "one-place"),
    ([("where", "one-place"), ("risk-group", "intermediate")], "intermediate-risk", "one-place"),
    ([("where", "one-place"), ("risk-group", "high")], "high-risk", "one-place"),
    ([("where", "one-place"), ("risk-group", "not-sure")], "what-is-recurrence", "risk-groups"),
    ([("where", "spread"), ("risk-group", "low")], "low-risk", "spread"),
    ([("where", "spread"), ("risk-group", "intermediate")], "intermediate-risk", "spread"),
    ([("where", "spread"), ("risk-group", "high")], "high-risk", "spread"),
    ([("where", "spread"), ("risk-group", "not-sure")], "what-is-recurrence", "risk-groups"),
    ([("where", "not-sure"), ("risk-group", "low")], "low-risk", ""),
    ([("where", "not-sure"), ("risk-group", "intermediate")], "intermediate-risk", ""),
    ([("where", "not-sure"), ("risk-group", "high")], "high-risk", ""),
    ([("where", "not-sure"), ("risk-group", "not-sure")], "what-is-recurrence", "risk-groups"),
]


def form_of(html):
    """The action and hidden fields of the page's GET form."""
    action = unescape(re.search(r'<form method="get" action="([^"]+)"', html).group(1))
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    return action, hidden


def link(html, marker):
    """The href of the first link whose tag contains `marker`."""
    tag = re.search(rf"<a [^>]*{re.escape(marker)}[^>]*>", html).group(0)
    return unescape(re.search(r'href="([^"]+)"', tag).group(1))


def answer(client, url, name, value):
    """Load a question page, then submit its form with one radio chosen."""
    page = client.get(url)
    assert page.status_code == 200, url
    html = page.content.decode()
    assert f'name="{name}" value="{value}"' in html
    action, hidden = form_of(html)
    response = client.get(action, {**hidden, name: value})
    assert response.status_code == 302
    return response["Location"]


def start_url(client):
    html = client.get("/guide/").content.decode()
    return unescape(re.search(r'class="button button--start" href="([^"]+)"', html).group(1))


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS)
def test_every_path_leads_to_the_right_page_and_section(client, clicks, slug, section):
    url = start_url(client)
    for name, value in clicks:
        url = answer(client, url, name, value)
    assert urlparse(url).path == "/guide/result/"
    response = client.get(url)
    assert response.status_code == 200
    target = link(response.content.decode(), "data-guide-result")
    assert target == f"/pages/{slug}/" + (f"#{section}" if section else "")
    # The section the guide opens at really is on the page.
    page = client.get(f"/pages/{slug}/").content.decode()
    if section:
        assert f'<h2 id="{section}">' in page


def test_brain_or_spinal_cord_skips_the_risk_group_question(client):
    url = answer(client, start_url(client), "where", "brain")
    assert url == "/guide/result/?where=brain"


def test_the_result_says_why_and_lets_each_answer_be_changed(client):
    html = client.get("/guide/result/?where=one-place&risk-group=intermediate").content.decode()
    assert (
        "You said it has come back in one place and your child was first treated "
        "for intermediate-risk neuroblastoma." in html
    )
    assert "Check your answers" in html
    assert 'href="/guide/where/?where=one-place&amp;risk-group=intermediate"' in html
    assert 'href="/guide/risk-group/?where=one-place&amp;risk-group=intermediate"' in html
    assert 'Change<span class="visually-hidden"> where it has come back</span>' in html
    assert "questions you may want to take to your child's doctors and nurses" in html
    assert "Other pages that may help" in html


def test_not_sure_of_the_risk_group_advises_asking_the_care_team(client):
    html = unescape(client.get("/guide/result/?where=spread&risk-group=not-sure").content.decode())
    assert "Ask your child's care team which risk group" in html


def test_changing_an_answer_keeps_the_others(client):
    change = "/guide/where/?where=one-place&risk-group=high"
    html = client.get(change).content.decode()
    assert re.search(r'<input [^>]*value="one-place" id="where-one-place"[^>]* checked>', html)
    url = answer(client, change, "where", "spread")
    assert url == "/guide/result/?where=spread&risk-group=high"


def test_changing_to_brain_drops_the_answer_that_no_longer_applies(client):
    url = answer(client, "/guide/where/?where=one-place&risk-group=high", "where", "brain")
    assert url == "/guide/result/?where=brain"


def test_back_links_keep_the_answers(client):
    html = client.get("/guide/risk-group/?where=spread").content.decode()
    assert link(html, 'class="back-link"') == "/guide/where/?where=spread"
    first = client.get("/guide/where/").content.decode()
    assert 'href="/guide/"' in first


def test_every_question_has_an_im_not_sure_answer_after_an_or(client):
    for url in ["/guide/where/", "/guide/risk-group/?where=one-place"]:
        html = client.get(url).content.decode()
        assert 'class="radios__divider">or<' in html
        assert "I'm not sure" in unescape(html)


def test_the_question_is_the_h1_inside_the_legend_and_nothing_is_preselected(client):
    html = client.get("/guide/where/").content.decode()
    assert "<legend><h1>Where has the neuroblastoma come back?</h1></legend>" in html
    assert html.count("<h1") == 1
    assert "checked" not in html


def test_continue_with_nothing_chosen_shows_the_error_summary(client):
    response = client.get("/guide/risk-group/next/", {"where": "one-place"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert '<a href="#risk-group">Select the risk group' in html
    assert 'id="risk-group-error"' in html
    assert 'id="risk-group"' in html  # the first radio, where the summary link goes
    assert '<input type="hidden" name="where" value="one-place">' in html


@pytest.mark.parametrize(
    "url",
    [
        "/guide/result/",  # missing answers
        "/guide/result/?where=one-place",  # still missing one
        "/guide/result/?colour=blue",  # unknown question
        "/guide/result/?where=underground",  # unknown answer
        "/guide/result/?where=brain&risk-group=low",  # a question that was not asked
        "/guide/result/?where=one-place&where=spread&risk-group=low",  # repeated
        "/guide/result/?where=one-place&risk-group=low&risk-group=high",  # contradictory
        "/guide/result/?where=" + "x" * 5000,  # very long
        "/guide/risk-group/",  # question asked before its turn
        "/guide/risk-group/?where=brain",  # question that does not apply
        "/guide/risk-group/next/?risk-group=low",  # answer without the one before it
        "/guide/where/next/?where=nowhere",
        "/guide/where/?where=%00",
    ],
)
def test_bad_input_gets_a_plain_400_that_offers_to_start_again(client, url):
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Start the guide again" in html
    assert 'href="/guide/"' in html


def test_an_unknown_question_is_not_found(client):
    assert client.get("/guide/no-such-question/").status_code == 404
    assert client.get("/guide/no-such-question/next/").status_code == 404


def test_no_guide_response_sets_a_cookie_or_touches_the_session(client):
    urls = [
        "/guide/",
        "/guide/where/",
        "/guide/where/next/",
        "/guide/where/next/?where=spread",
        "/guide/risk-group/?where=spread",
        "/guide/result/?where=spread&risk-group=high",
        "/guide/result/?bad=1",
    ]
    for url in urls:
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_guide_pages_are_cached_by_the_browser_only(client):
    response = client.get("/guide/result/?where=brain")
    assert "private" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


def test_guide_pages_need_few_queries(client, django_assert_max_num_queries):
    # The questionnaire (3) and the site-wide texts for the "worried right now" box (1).
    with django_assert_max_num_queries(4):
        client.get("/guide/result/?where=spread&risk-group=high")


def test_a_result_whose_page_was_unpublished_is_refused_not_shown(client):
    Page.objects.filter(slug="cns").update(status="draft")
    response = client.get("/guide/result/?where=brain")
    assert response.status_code == 400
    assert "not available at the moment" in unescape(response.content.decode())
