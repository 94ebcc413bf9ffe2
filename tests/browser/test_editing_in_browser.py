"""Editors in a real browser: the reading grade while typing, the section list
narrowed to the chosen page, and a page list readable at 1280 px."""

from playwright.sync_api import expect

from content.models import Page, Question
from tests.browser.conftest import log_in
from tests.browser.test_privacy_and_policy import watch_csp
from tests.support.factories import admin_url

HARD = (
    "Neuroblastoma recurrence necessitates individualised multimodal therapeutic "
    "considerations incorporating immunotherapeutic interventions."
)


def test_the_preview_shows_the_grade_and_hard_sentences_as_the_editor_types(page, site, editor):
    csp = watch_csp(page)
    log_in(page, site)
    cns = Page.objects.in_language().get(slug="cns")
    page.goto(site + admin_url(f"content/page/{cns.pk}/change/"))
    page.locator("textarea.markdownx-editor").fill(f"The cat sat. {HARD}")
    box = page.locator(".markdownx-preview .preview-readability")
    expect(box).to_contain_text("too hard. Parents need grade 8 or lower.")
    expect(box).to_contain_text(f"“{HARD}”")
    page.locator("textarea.markdownx-editor").fill("The cat sat on the mat.")
    expect(box).to_contain_text("good (grade 8 or lower)")
    assert csp == []


def test_the_section_list_narrows_to_the_chosen_page(page, site, editor):
    log_in(page, site)
    where = Question.objects.get(key="where")
    page.goto(site + admin_url(f"content/question/{where.pk}/change/"))
    # Answer 0 ("In the brain or spinal cord") leads to the CNS page.
    sections = page.locator('select[name="answers-0-section"]')
    low_risk = sections.locator('optgroup[label="When low-risk neuroblastoma comes back"]')
    expect(low_risk).to_be_hidden()
    page.select_option(
        'select[name="answers-0-page"]', label="When low-risk neuroblastoma comes back"
    )
    expect(low_risk).not_to_have_attribute("hidden", "")
    page.select_option('select[name="answers-0-section"]', value="low-risk#spread")
    expect(sections).to_have_value("low-risk#spread")


def test_the_page_list_and_its_grade_column_fit_at_1280px(browser, site, editor):
    hard = Page.objects.in_language().get(slug="cns")
    hard.body = HARD
    hard.save()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, site)
        page.goto(site + admin_url("content/page/"))
        expect(page.locator("#result_list td.field-grade").first).to_be_visible()
        expect(page.locator("#result_list")).to_contain_text("(aim for 8 or lower)")
        # Nothing is cut off or needs sideways scrolling, the grade column included.
        results = page.locator("#changelist .results")
        assert results.evaluate("el => el.scrollWidth <= el.clientWidth")
        header = page.locator("#result_list th.column-grade").bounding_box()
        box = results.bounding_box()
        assert header["x"] + header["width"] <= box["x"] + box["width"] + 1
        # Titles are readable: not squeezed to a word a line.
        title = page.locator("#result_list th.field-title").first.bounding_box()
        assert title["width"] >= 180
    finally:
        context.close()
