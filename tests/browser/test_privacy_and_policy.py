"""What a parent's browser sends and keeps, and the admin under the site's CSP."""

from urllib.parse import urlparse

from playwright.sync_api import expect

from content.models import Page
from tests.browser.conftest import log_in
from tests.browser.pages import PUBLIC_PAGES
from tests.browser.test_guide_in_browser import complete_the_guide
from tests.support.factories import admin_url


def watch_csp(page):
    """Collect Content-Security-Policy violations reported on the page."""
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return violations


def test_public_pages_and_the_guide_talk_only_to_the_site_and_keep_nothing(context, site):
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    csp = watch_csp(page)
    for path in PUBLIC_PAGES.values():
        page.goto(site + path)
    complete_the_guide(page, site, [("where", "spread"), ("risk-group", "high")])
    expect(page).to_have_url(f"{site}/pages/high-risk/#spread")
    page.wait_for_load_state("networkidle")
    assert hosts == {urlparse(site).netloc}
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert csp == []


def test_public_responses_carry_the_security_headers(page, site):
    response = page.goto(f"{site}/guide/where/")
    headers = response.headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    for directive in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]:
        assert directive in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]


def test_the_markdown_editor_previews_live_under_the_csp(page, site, editor):
    csp = watch_csp(page)
    log_in(page, site)
    cns = Page.objects.in_language().get(slug="cns")
    page.goto(site + admin_url(f"content/page/{cns.pk}/change/"))
    editor_box = page.locator("textarea.markdownx-editor")
    editor_box.fill("## A new heading\n\n<img src=x onerror=alert(1)> Plain words.")
    preview = page.locator(".markdownx-preview")
    expect(preview.locator("h2#a-new-heading")).to_be_visible()
    expect(preview.locator("img")).to_have_count(0)
    assert csp == []


def test_the_slug_fills_itself_from_the_title_under_the_csp(page, site, editor):
    csp = watch_csp(page)
    log_in(page, site)
    page.goto(site + admin_url("content/page/add/"))
    page.locator("#id_title").press_sequentially("When it comes back in the bones")
    expect(page.locator("#id_slug")).to_have_value("when-it-comes-back-in-the-bones")
    assert csp == []


def test_the_history_and_review_screens_keep_to_the_csp(page, site, editor):
    from content import review
    from content.models import Guide, SiteText, Term

    csp = watch_csp(page)
    log_in(page, site)
    for item in [
        Page.objects.in_language().get(slug="cns"),
        SiteText.current(),
        Term.objects.first(),
        Guide.current(),
    ]:
        kind = review.kind_of(item)
        for url in (kind.history_url(item), kind.review_url(item), kind.admin_url(item)):
            page.goto(site + url)
            expect(page.locator("#content-main")).to_be_visible()
        page.wait_for_load_state("networkidle")
    assert csp == []
