"""The feedback list at 1280 px: what parents wrote is on screen, and the
"Feedback by page" headings read as separate words."""

from playwright.sync_api import expect

from content.models import Feedback, Page
from tests.browser.conftest import log_in
from tests.support.factories import admin_url

COMMENT = (
    "The part about the scans was clear, but I could not find what the letters "
    "on the report mean or who to ask about them."
)

# The gap between the words of two headings side by side: enough to read
# them as two (the admin's headings are about 11 px text).
MIN_GAP = 8


def add_feedback():
    for slug, helpful, where in [
        ("high-risk", False, Feedback.Where.GUIDE_RESULT),
        ("cns", True, Feedback.Where.PAGE),
        ("low-risk", False, Feedback.Where.PAGE),
    ]:
        Feedback.objects.create(
            page=Page.objects.in_language().get(slug=slug),
            helpful=helpful,
            where=where,
            comment=COMMENT,
        )


def text_box(locator):
    """Where a cell's words are drawn (not the cell, which may be wider)."""
    return locator.evaluate(
        """el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            return {left: r.left, right: r.right};
        }"""
    )


def test_parents_comments_and_the_by_page_headings_are_readable_at_1280px(browser, site, editor):
    add_feedback()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, site)
        page.goto(site + admin_url("content/feedback/"))
        comments = page.locator("#result_list td.field-comment_start")
        expect(comments).to_have_count(3)
        expect(comments.first).to_contain_text("the scans was clear")
        # Where it was asked shares the page's column.
        expect(page.locator("#result_list td.field-page_and_where")).to_contain_text(
            ["When low-risk", "brain or spinal cord", "on the guide's result"]
        )

        # Every column, the comment and "dealt with" included, is inside the
        # visible box: nobody has to scroll sideways to read what parents wrote.
        results = page.locator("#changelist .results")
        box = results.bounding_box()
        assert results.evaluate("el => el.scrollWidth <= el.clientWidth"), results.evaluate(
            "el => [el.scrollWidth, el.clientWidth]"
        )
        for cell in [comments.first, page.locator("#result_list td.field-dealt_with").first]:
            edge = cell.bounding_box()
            assert edge["x"] >= box["x"] - 1
            assert edge["x"] + edge["width"] <= box["x"] + box["width"] + 1, (edge, box)
        assert page.viewport_size["width"] >= box["x"] + box["width"]

        # "Helpful", "Not helpful", "Not yet dealt with", "All": separate words.
        headings = page.locator("#feedback-by-page thead th")
        expect(headings).to_have_count(5)
        boxes = [text_box(headings.nth(i)) for i in range(5)]
        for left, right in zip(boxes, boxes[1:], strict=False):
            assert right["left"] - left["right"] >= MIN_GAP, boxes
    finally:
        context.close()
