import datetime

import pytest

from tests.support.factories import admin_url

pytestmark = pytest.mark.django_db


def test_home_lists_published_pages_with_summaries_and_links_to_the_guide(client, page, draft):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html
    assert page.summary in html
    assert draft.title not in html
    assert 'href="/guide/"' in html


def test_a_published_page_shows_its_body_sources_and_care_team_note(client, page):
    page.sources.create(organisation="National Cancer Institute", title="PDQ", url="https://x.org")
    response = client.get("/pages/a-test-page/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<h2 id="a-section">' in html
    assert "National Cancer Institute" in html
    assert "does not replace the advice of your child's care team" in html


def test_an_unknown_page_gives_a_friendly_404_with_a_way_back(client, db):
    response = client.get("/pages/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    # The page's own way back, not the header's link home.
    assert '<a href="/">Go to the home page and see all pages</a>' in html


def test_a_draft_is_hidden_from_the_public(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_can_preview_a_draft_page(staff_client, draft):
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "only staff can see this page" in response.content.decode()


def test_what_staff_see_is_never_kept_by_a_shared_cache(staff_client, draft, page):
    for url in [draft.get_absolute_url(), page.get_absolute_url(), "/", "/guide/"]:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"], url
        assert "Cookie" in response["Vary"], url


def test_a_signed_in_user_who_is_not_staff_cannot_see_a_draft(client, draft, django_user_model):
    user = django_user_model.objects.create_user("parent", password="a-long-test-password")
    client.force_login(user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "private" in response["Cache-Control"]


def test_anonymous_visitors_pages_are_not_marked_private(client, page):
    assert "private" not in client.get(page.get_absolute_url()).get("Cache-Control", "")


def test_public_pages_set_no_cookies(client, page):
    for url in ["/", page.get_absolute_url(), "/pages/missing/"]:
        assert not client.get(url).cookies, url


def test_pages_need_a_fixed_number_of_queries(client, page, django_assert_max_num_queries):
    # The page, its sources, its related pages, the pages before and after it,
    # the site-wide texts for the "worried right now" box and the words explained at its foot.
    with django_assert_max_num_queries(8):
        response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert '<h2 id="a-section">' in response.content.decode()


def test_a_long_page_starts_with_links_to_its_sections(client):
    html = client.get("/pages/high-risk/").content.decode()
    assert "On this page" in html
    assert '<a href="#one-place">' in html
    assert '<a href="#spread">' in html


def test_the_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the site" in html


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_guide_results(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert f"Disallow: {admin_url()}" in response.content.decode()
    assert "Disallow: /guide/result/" in response.content.decode()


def test_a_post_without_a_csrf_token_gets_a_plain_403_page(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(admin_url("login/"), {"username": "x"})
    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()


def test_a_page_no_clinician_has_checked_says_so_and_shows_no_review_date(client, page):
    html = client.get(page.get_absolute_url()).content.decode()
    assert "This page has not yet been checked by a clinician" in html
    assert "Page last reviewed" not in html
    assert "Next review due" not in html


def test_a_signed_off_page_shows_who_checked_it_and_when(client, page, today):
    page.checked_at = datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)
    page.checked_by_role = "Medical reviewer"
    page.last_reviewed = datetime.date(2026, 11, 30)
    page.save()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Medical reviewer, <time" in html
    assert "30 November 2026" in html
    assert "Next review due" in html
    assert "1 May 2027" in html
    assert "not yet been checked" not in html
