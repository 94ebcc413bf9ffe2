"""The guide driven over HTTP only, as a browser without JavaScript would."""

import re
from html import unescape
from urllib.parse import urlparse

import pytest

from content.models import Page, bump_content_version

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
    """The home page's way into the guide: its first question, with no start page between."""
    html = client.get("/").content.decode()
    url = unescape(re.search(r'class="button button--start" href="([^"]+)"', html).group(1))
    assert "<legend><h1>Where has the neuroblastoma come back?</h1></legend>" in (
        client.get(url).content.decode()
    )
    return url


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
    assert 'Change<span class="visually-hidden"> what is happening now</span>' in html
    assert "questions you may want to take to your child's doctors and nurses" in html
    assert related_titles(html) == [
        "What it means when neuroblastoma comes back",
        "When neuroblastoma comes back in the brain or spinal cord",
        "Clinical trials for neuroblastoma that has come back",
    ]


def related_titles(html):
    """The titles listed under "Other pages that may help"."""
    section = re.search(r"Other pages that may help</h2>\s*<ul>(.*?)</ul>", html, re.DOTALL)
    return re.findall(r"<a [^>]*>([^<]+)</a>", section.group(1)) if section else []


def test_other_pages_that_may_help_lists_neither_drafts_nor_the_page_itself(client):
    page = Page.objects.in_language().get(slug="intermediate-risk")
    overview = Page.objects.in_language().get(slug="what-is-recurrence")
    cns = Page.objects.in_language().get(slug="cns")
    trials = Page.objects.in_language().get(slug="clinical-trials")
    page.body += "\n\nSee [this page](/pages/intermediate-risk/)."
    page.save()
    url = "/guide/result/?where=one-place&risk-group=intermediate"
    listed = related_titles(client.get(url).content.decode())
    assert listed == [overview.title, cns.title, trials.title]
    Page.objects.filter(pk=trials.pk).update(status="draft")
    bump_content_version()  # update() sends no signals: the page cache must be told
    assert related_titles(client.get(url).content.decode()) == [overview.title, cns.title]


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
    assert link(first, 'class="back-link"') == "/"  # the guide has no start page of its own


def test_the_results_back_link_goes_to_the_last_question_with_every_answer(client):
    html = client.get("/guide/result/?where=spread&risk-group=high").content.decode()
    assert link(html, 'class="back-link"') == "/guide/risk-group/?where=spread&risk-group=high"
    html = client.get("/guide/result/?where=brain").content.decode()
    assert link(html, 'class="back-link"') == "/guide/where/?where=brain"


def test_every_question_has_an_im_not_sure_answer_after_an_or(client):
    for url in ["/guide/where/", "/guide/risk-group/?where=one-place"]:
        html = client.get(url).content.decode()
        assert 'class="radios__divider">or<' in html
        assert "I'm not sure" in unescape(html)


def test_the_question_is_the_h1_inside_the_legend_and_nothing_is_preselected(client):
    html = client.get("/guide/where/").content.decode()
    assert "<legend><h1>Where has the neuroblastoma come back?</h1></legend>" in html
    assert html.count("<h1") == 1
    # No answer is chosen for the parent (the word "checked" may be in the text).
    assert not re.search(r"<input[^>]*\bchecked\b", html)


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
    # The page's own button, not the header's link to the guide.
    assert re.search(r'<a class="button" href="/guide/">Start the guide again</a>', html)
    assert "private" in response["Cache-Control"]


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


def test_guide_pages_are_kept_by_the_browser_only_and_never_vary_by_cookie(client):
    # The server keeps one copy per set of answers (tests/test_response_cache.py),
    # but no shared cache may keep an address that holds a child's answers.
    first = client.get("/guide/result/?where=brain")
    again = client.get("/guide/result/?where=brain")
    for response in (first, again):
        assert response["Cache-Control"] == "private, max-age=300"
        assert response["Vary"] == "Accept-Encoding"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/guide/", 200),  # start
        ("/guide/where/", 200),  # question
        ("/guide/risk-group/?where=spread", 200),
        ("/guide/where/next/", 200),  # error: nothing chosen
        ("/guide/where/next/?where=brain", 302),  # on to the result
        ("/guide/result/?where=brain", 200),  # result
        ("/guide/result/?where=underground", 400),  # refused
    ],
)
def test_every_guide_response_is_cached_by_the_browser_only(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_guide_results_may_be_kept_by_the_browser_for_five_minutes(client):
    assert "max-age=300" in client.get("/guide/result/?where=brain")["Cache-Control"]


def test_guide_pages_need_few_queries(client, django_assert_max_num_queries):
    # The content version (at most once a second), the questionnaire (3), the pages
    # the result links to (1) and the site-wide texts for the "worried right now" box (1).
    with django_assert_max_num_queries(6):
        response = client.get("/guide/result/?where=spread&risk-group=high")
    assert response.status_code == 200
    assert 'href="/pages/high-risk/#spread" data-guide-result' in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/guide/", "/guide/where/", "/guide/where/next/", "/guide/result/?where=brain"]
)
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_the_guide_answers_other_methods_with_405_and_allow(url, method):
    from django.test import Client

    # With CSRF checks on, as a real browser meets them: 405, not the CSRF 403.
    response = getattr(Client(enforce_csrf_checks=True), method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "private" in response["Cache-Control"]


def test_head_requests_are_answered_like_get(client):
    assert client.head("/guide/result/?where=brain").status_code == 200


def test_the_error_summary_is_announced_as_an_alert(client):
    html = client.get("/guide/where/next/").content.decode()
    assert re.search(r'<div class="error-summary"[^>]*role="alert"', html)


def test_a_guide_with_no_questions_is_not_found(client):
    from content.models import Answer, Guide, Question

    Answer.objects.all().delete()
    Question.objects.all().delete()
    Guide.objects.update(questions=[])
    response = client.get("/guide/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_result_whose_page_was_unpublished_is_refused_not_shown(client):
    Page.objects.filter(slug="cns").update(status="draft")
    response = client.get("/guide/result/?where=brain")
    assert response.status_code == 400
    assert "not available at the moment" in unescape(response.content.decode())


def test_spread_and_not_sure_of_the_risk_group_opens_the_risk_pages_at_spread(client):
    html = client.get("/guide/result/?where=spread&risk-group=not-sure").content.decode()
    for slug in ["low-risk", "intermediate-risk", "high-risk"]:
        assert f'href="/pages/{slug}/#spread"' in html, slug
    assert 'href="/pages/cns/"' in html  # a page with no such section opens at the top
    # Not sure where: the other pages open at their tops.
    html = client.get("/guide/result/?where=not-sure&risk-group=not-sure").content.decode()
    assert 'href="/pages/high-risk/"' in html and "#spread" not in html
