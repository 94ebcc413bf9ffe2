"""An Editor changes a sentence, a Medical reviewer signs it off, a parent sees it."""

import re

from playwright.sync_api import expect

from content.models import Page
from tests.browser.conftest import log_in
from tests.support.factories import make_user

NEW = "Doctors call this part of the body the CNS, said 'see-en-ess'."


def test_an_editors_change_is_seen_by_parents_only_after_a_reviewer_signs_it_off(browser, site):
    make_user("nina", "editor")
    make_user("dr-rao", "reviewer")
    cns = Page.objects.in_language().get(slug="cns")
    # The first sentence, whatever the page says today.
    old = cns.body.split(". ")[0] + "."
    assert "\n" not in old and "*" not in old
    contexts = [browser.new_context() for _ in range(3)]
    editor, reviewer, parent = (context.new_page() for context in contexts)
    try:
        # The editor changes one sentence and submits it for sign-off.
        log_in(editor, site, "nina")
        editor.goto(f"{site}/admin/content/page/{cns.pk}/change/")
        body = editor.locator("textarea#id_body")
        body.fill(body.input_value().replace(old, NEW, 1))
        editor.get_by_role("button", name="Save and submit for sign-off").click()
        expect(editor.locator(".messagelist")).to_contain_text("Saved and submitted")

        # Parents still read the signed-off text.
        parent.goto(f"{site}/pages/cns/")
        expect(parent.locator(".prose")).to_contain_text(old)
        expect(parent.locator(".prose")).not_to_contain_text("see-en-ess")

        # A medical reviewer finds it on the admin's front page, reads the
        # difference and signs it off.
        log_in(reviewer, site, "dr-rao")
        reviewer.get_by_role("link", name=re.compile("brain or spinal cord")).first.click()
        changed = reviewer.locator(".diff-line--changed")
        expect(changed).to_have_count(1)
        expect(changed.locator("ins").last).to_contain_text("Added: ")
        expect(changed.locator("ins").last).to_contain_text("see-en-ess")
        expect(changed.locator("del").first).to_contain_text("Removed: ")
        reviewer.get_by_role("button", name="Sign off and publish").click()
        expect(reviewer.locator(".messagelist")).to_contain_text("signed off and published")

        # Now the parent sees the new sentence, and who checked it.
        parent.reload()
        expect(parent.locator(".prose")).to_contain_text(NEW)
        expect(parent.locator(".prose")).not_to_contain_text(old)
        expect(parent.locator(".review-dates")).to_contain_text("Checked by")
        expect(parent.locator(".review-dates")).to_contain_text("Medical reviewer")
    finally:
        for context in contexts:
            context.close()


def test_one_clinician_sends_a_change_back_then_signs_off_the_fix(browser, site):
    """A team with one medical reviewer: send back, the editor fixes, the same
    reviewer signs off."""
    make_user("nina", "editor")
    make_user("dr-rao", "reviewer")
    cns = Page.objects.in_language().get(slug="cns")
    old = cns.body.split(". ")[0] + "."
    contexts = [browser.new_context() for _ in range(3)]
    editor, reviewer, parent = (context.new_page() for context in contexts)
    try:
        log_in(editor, site, "nina")
        editor.goto(f"{site}/admin/content/page/{cns.pk}/change/")
        body = editor.locator("textarea#id_body")
        body.fill(body.input_value().replace(old, "A first try at this sentence.", 1))
        editor.get_by_role("button", name="Save and submit for sign-off").click()
        expect(editor.locator(".messagelist")).to_contain_text("Saved and submitted")

        log_in(reviewer, site, "dr-rao")
        reviewer.get_by_role("link", name=re.compile("brain or spinal cord")).first.click()
        reviewer.get_by_label("What should the editor change?").fill("Say it more plainly.")
        reviewer.get_by_role("button", name="Send back").click()
        expect(reviewer.locator(".messagelist")).to_contain_text("was sent back")

        editor.goto(f"{site}/admin/")
        expect(editor.locator(".waiting-panel")).to_contain_text("Say it more plainly.")
        editor.goto(f"{site}/admin/content/page/{cns.pk}/change/")
        expect(editor.locator(".sign-off-panel")).to_contain_text("Say it more plainly.")
        body = editor.locator("textarea#id_body")
        body.fill(body.input_value().replace("A first try at this sentence.", NEW, 1))
        editor.get_by_role("button", name="Save and submit for sign-off").click()
        expect(editor.locator(".messagelist")).to_contain_text("Saved and submitted")

        reviewer.goto(f"{site}/admin/")
        reviewer.get_by_role("link", name=re.compile("brain or spinal cord")).first.click()
        expect(reviewer.locator("body")).not_to_contain_text("You wrote words in this")
        reviewer.get_by_role("button", name="Sign off and publish").click()
        expect(reviewer.locator(".messagelist")).to_contain_text("signed off and published")

        parent.goto(f"{site}/pages/cns/")
        expect(parent.locator(".prose")).to_contain_text(NEW)
    finally:
        for context in contexts:
            context.close()
