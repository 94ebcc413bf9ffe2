"""Real-browser tests: Playwright drives Debian's Chromium against live_server.

`playwright install` cannot download browsers here, so we launch the system
Chromium. Without it the tests skip on a laptop and fail in CI (CI=true).
"""

import os
import shutil

import pytest

from content.models import Answer, Page, Question, SiteText, Source, Term
from content.starting.glossary import load_starting_glossary
from content.starting.guide import load_starting_guide
from content.starting.pages import load_starting_pages
from content.starting.site_text import load_starting_site_text
from tests.support.factories import admin_url, publish_starting_content

# live_server runs Django in a thread beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = (
            f"Chromium not found at {CHROMIUM}. Install it with "
            "`apt-get install -y chromium` (or set CHROMIUM_PATH)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server):
    """The live site with its starting pages, guide, site-wide texts and glossary
    (emptied after each test)."""
    load_starting_pages(Page, Source)
    load_starting_guide(Question, Answer, Page)
    load_starting_site_text(SiteText)
    load_starting_glossary(Term, Page)
    publish_starting_content()
    return live_server.url


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="a-long-test-password", is_staff=True, is_superuser=True
    )


def log_in(page, site, username="editor"):
    page.goto(site + admin_url("login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(site + admin_url())
