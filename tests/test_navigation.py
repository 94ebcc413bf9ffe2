"""Finding one's way: breadcrumbs, related pages, previous and next."""

import pytest

from content import navigation
from content.models import Page
from tests.support.factories import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_our_pages(db):
    # The starting pages stay (the guide protects them) but leave the public site.
    Page.objects.update(status="draft")


def test_a_page_has_breadcrumbs_ending_at_itself(client, page):
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html
    assert '<li><a href="/">Home</a></li>' in html
    assert '<li aria-current="page">A test page</li>' in html


def test_breadcrumbs_link_every_step_but_the_last():
    crumbs = navigation.breadcrumbs(("A page", "/pages/a/"), ("Questions", "/pages/a/q/"))
    assert [(c.label, c.url) for c in crumbs] == [
        ("Home", "/"),
        ("A page", "/pages/a/"),
        ("Questions", ""),
    ]


def test_related_pages_default_to_the_published_pages_a_page_links_to(only_our_pages):
    second = make_page(slug="second", title="Second")
    make_page(slug="hidden", title="Hidden", status="draft")
    page = make_page(
        body="See [second](/pages/second/), [hidden](/pages/hidden/), "
        "[me](/pages/a-test-page/) and [second again](/pages/second/#x)."
    )
    assert navigation.related_pages(page) == [second]


def test_related_pages_chosen_by_editors_win_and_never_list_drafts_or_the_page(only_our_pages):
    linked = make_page(slug="linked", title="Linked")
    chosen = make_page(slug="chosen", title="Chosen")
    draft = make_page(slug="draft", title="Draft", status="draft")
    page = make_page(body="See [linked](/pages/linked/).")
    page.related.set([chosen, draft, page])
    assert navigation.related_pages(page) == [chosen]
    assert linked not in navigation.related_pages(page)


def test_the_page_shows_its_related_pages(client, only_our_pages):
    make_page(slug="second", title="Second page")
    page = make_page(body="See [second](/pages/second/).")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Related pages" in html
    assert 'href="/pages/second/" data-print-url="http://testserver/pages/second/">' in html


def test_previous_and_next_follow_the_pages_order_and_skip_drafts(only_our_pages):
    first = make_page(slug="first", title="First", order=1)
    make_page(slug="draft", title="Draft", order=2, status="draft")
    middle = make_page(slug="middle", title="Middle", order=3)
    same_order = make_page(slug="same", title="Same order, later title", order=3)
    last = make_page(slug="last", title="Last", order=9)
    assert navigation.neighbours(first) == (None, middle)
    assert navigation.neighbours(middle) == (first, same_order)
    assert navigation.neighbours(same_order) == (middle, last)
    assert navigation.neighbours(last) == (same_order, None)


def test_the_page_links_to_the_pages_before_and_after_it(client, only_our_pages):
    make_page(slug="first", title="First", order=1)
    page = make_page(order=2)
    make_page(slug="last", title="Last", order=3)
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'aria-label="Previous and next pages"' in html
    assert 'href="/pages/first/" rel="prev"' in html
    assert 'href="/pages/last/" rel="next"' in html


def test_a_page_costs_the_same_queries_with_six_pages_or_two_hundred(client):
    from tests.test_scale import uncached_get

    url = "/pages/high-risk/"

    def queries():
        response, count = uncached_get(client, url)  # not from the page cache
        assert response.status_code == 200
        return count

    few = queries()
    Page.objects.bulk_create(
        Page(
            title=f"Page {n}",
            slug=f"page-{n}",
            summary="S.",
            body="B",
            body_html='<p><a href="/pages/high-risk/">x</a></p>',
            status="published",
            review_due="2027-01-01",
        )
        for n in range(200)
    )
    assert queries() == few


def test_editors_choose_related_pages_in_the_admin(staff_client, only_our_pages):
    from tests.support.factories import page_form_data

    other = make_page(slug="other", title="Other")
    page = make_page()
    form = staff_client.get(f"/admin/content/page/{page.pk}/change/").content.decode()
    assert 'type="checkbox" name="related"' in form
    from content.admin.pages import PageForm

    assert page not in PageForm(instance=page).fields["related"].queryset
    response = staff_client.post(
        f"/admin/content/page/{page.pk}/change/", page_form_data(page, related=[other.pk])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(page.related.all()) == [other]
