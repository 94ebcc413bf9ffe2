"""Links that never break: moved pages redirect, linked pages cannot vanish,
and `check_links` finds any broken link."""

from html import unescape

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.urls import reverse

from content import links, review
from content.models import Answer, Page, PageRedirect
from tests.support.factories import make_page, page_form_data, second_reviewer

pytestmark = pytest.mark.django_db


def change_url(page):
    return reverse("admin:content_page_change", args=[page.pk])


def delete_url(page):
    return reverse("admin:content_page_delete", args=[page.pk])


# --- the stored links -------------------------------------------------------


def test_a_saved_page_stores_its_page_and_section_links_and_its_ids():
    page = make_page(
        body="## Start {#start}\n\nSee [trials](/pages/clinical-trials/), "
        "[risk](/pages/what-is-recurrence/#risk-groups), [above](#start) "
        "and [elsewhere](https://example.org/pages/x/)."
    )
    assert page.links == ["clinical-trials", "what-is-recurrence#risk-groups", "#start"]
    assert page.anchors == ["start"]


def test_a_links_address_is_the_page_views_address():
    page = reverse("content:page", kwargs={"slug": "cns"})
    assert links.Link("cns").address() == page
    assert links.Link("cns", "spread").address() == page + "#spread"
    assert links.Link("", "spread").address(own_slug="cns") == page + "#spread"
    assert links.links_in(f'<a href="{page}#spread">x</a>') == ["cns#spread"]


def test_the_starting_pages_have_their_links_stored_by_the_migration():
    high = Page.objects.in_language().get(slug="high-risk")
    assert "what-is-recurrence#risk-groups" in high.links
    assert "clinical-trials" in high.links


def test_finding_linking_pages_reads_stored_links_in_two_queries(django_assert_num_queries):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    with django_assert_num_queries(2):
        linkers = Page.objects.linking_pages(trials)
    assert {p.slug for p in linkers} == {
        "cns", "high-risk", "intermediate-risk", "low-risk", "what-is-recurrence"
    }  # fmt: skip


# --- a moved page ------------------------------------------------------------


def test_changing_a_published_pages_address_keeps_the_old_one_working(staff_client, client):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    response = staff_client.post(
        change_url(trials),
        page_form_data(trials, slug="trials", _submit_for_sign_off="1"),
        follow=True,
    )
    html = unescape(response.content.decode())
    # The new address waits for sign-off with the text, and the editor is told.
    assert "The new address /pages/trials/ waits for sign-off with the text" in html
    assert "the old address /pages/clinical-trials/ will send readers to it" in html
    # The pages that link to the old address are named for the editor.
    assert "link to /pages/clinical-trials/. Once the new address is live" in html
    assert "When high-risk neuroblastoma comes back" in html
    client.logout()
    assert client.get("/pages/clinical-trials/").status_code == 200
    assert client.get("/pages/trials/").status_code == 404

    review.sign_off(trials, second_reviewer())
    response = client.get("/pages/clinical-trials/")
    assert response.status_code == 301
    assert response["Location"] == "/pages/trials/"
    assert client.get("/pages/trials/").status_code == 200


def test_the_change_form_lists_the_pages_that_still_use_an_old_address(staff_client):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    staff_client.post(
        change_url(trials), page_form_data(trials, slug="trials", _submit_for_sign_off="1")
    )
    review.sign_off(trials, second_reviewer())
    html = unescape(staff_client.get(change_url(trials)).content.decode())
    assert "Pages that link here" in html
    assert "links to the old address /pages/clinical-trials/: change it to /pages/trials/" in html
    assert "/pages/clinical-trials/ (these send readers here)" in html


def test_a_page_moved_twice_sends_both_old_addresses_straight_to_the_new_one(client):
    page = make_page(slug="first")
    page.slug = "second"
    page.save()
    page.slug = "third"
    page.save()
    for old in ["first", "second"]:
        response = client.get(f"/pages/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/pages/third/"


def test_a_page_moved_back_to_its_old_address_has_no_redirect_loop(client):
    page = make_page(slug="here")
    page.slug = "there"
    page.save()
    page.slug = "here"
    page.save()
    assert client.get("/pages/here/").status_code == 200
    assert client.get("/pages/there/")["Location"] == "/pages/here/"
    assert not PageRedirect.objects.filter(old_slug="here").exists()


def test_a_redirect_never_hides_a_page_that_takes_the_old_address(client):
    moved = make_page(slug="old-address")
    moved.slug = "new-address"
    moved.save()
    make_page(slug="old-address", title="A new page at the old address")
    response = client.get("/pages/old-address/")
    assert response.status_code == 200
    assert "A new page at the old address" in response.content.decode()


def test_a_drafts_old_address_is_not_kept_because_parents_never_saw_it(client):
    draft = make_page(slug="draft-one", status="draft")
    draft.slug = "draft-two"
    draft.save()
    assert client.get("/pages/draft-one/").status_code == 404


def test_an_old_address_of_an_unpublished_page_is_not_found_by_the_public(client):
    page = make_page(slug="was-here")
    page.slug = "now-here"
    page.save()
    Page.objects.filter(pk=page.pk).update(status="draft")
    assert client.get("/pages/was-here/").status_code == 404


# --- refused unpublish and delete --------------------------------------------


def test_unpublishing_a_page_other_pages_link_to_is_refused_naming_them(staff_client):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    response = staff_client.post(change_url(trials), page_form_data(trials, status="draft"))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    refusal = "“Clinical trials for neuroblastoma that has come back” cannot be unpublished yet"
    # Once at the top of the form and once next to the status field.
    assert html.count(refusal) == 2
    assert "When high-risk neuroblastoma comes back" in html
    assert "Change or remove the links first, then unpublish it." in html
    assert Page.objects.in_language().get(slug="clinical-trials").status == "published"


def test_a_page_only_drafts_link_to_can_be_unpublished(staff_client):
    target = make_page(slug="target", title="Target")
    make_page(slug="linker", body="See [target](/pages/target/).", status="draft")
    response = staff_client.post(change_url(target), page_form_data(target, status="draft"))
    assert response.status_code == 302
    assert Page.objects.in_language().get(slug="target").status == "draft"


def test_deleting_a_page_other_pages_link_to_is_refused_in_plain_words(staff_client):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    response = staff_client.post(delete_url(trials), {"post": "yes"}, follow=True)
    html = unescape(response.content.decode())
    assert "cannot be deleted yet" in html
    assert "Published pages link to it: " in html
    assert "When low-risk neuroblastoma comes back" in html
    assert "protected" not in html
    assert Page.objects.filter(slug="clinical-trials").exists()


def test_deleting_a_page_the_guide_leads_to_names_the_answers_not_protected_objects(
    staff_client,
):
    page = make_page(slug="brain", title="Brain page")
    Answer.objects.filter(question__key="where", key="brain").update(page=page)
    for method in ["get", "post"]:
        response = getattr(staff_client, method)(delete_url(page), {"post": "yes"}, follow=True)
        html = unescape(response.content.decode())
        assert "“Brain page” cannot be deleted yet." in html
        assert (
            "The guide leads to it from the answers “In the brain or spinal cord” to "
            "“Where has the neuroblastoma come back?”" in html
        )
        assert "protected related objects" not in html
    assert Page.objects.filter(slug="brain").exists()


def test_a_page_nothing_links_to_can_be_deleted(staff_client):
    page = make_page(slug="lonely")
    response = staff_client.post(delete_url(page), {"post": "yes"})
    assert response.status_code == 302
    assert not Page.objects.filter(slug="lonely").exists()


def test_the_page_list_offers_no_bulk_delete(staff_client):
    html = staff_client.get(reverse("admin:content_page_changelist")).content.decode()
    assert "delete_selected" not in html


# --- check_links -------------------------------------------------------------


def starting_links():
    """How many internal links the starting pages have (they change with the content)."""
    return sum(len(links.links_in(p.body_html)) for p in Page.objects.published())


def test_check_links_passes_on_the_starting_pages(capsys):
    total = starting_links()
    assert total > 10
    call_command("check_links")
    assert f"All {total} internal links on published pages work." in capsys.readouterr().out


def test_check_links_names_each_broken_link_and_fails(capsys):
    make_page(
        slug="broken",
        title="Broken links",
        body="## Here {#here}\n\n[gone](/pages/nowhere/), [no section](/pages/cns/#nope), "
        "[own](#missing), [fine](#here).",
    )
    make_page(slug="hidden", status="draft")
    make_page(slug="to-draft", title="To a draft", body="[draft](/pages/hidden/)")
    total = starting_links()
    with pytest.raises(CommandError, match=f"4 of {total} internal links are broken"):
        call_command("check_links")
    out = capsys.readouterr().out
    assert "BROKEN  “Broken links” (/pages/broken/) links to /pages/nowhere/" in out
    assert "links to /pages/cns/#nope: the page has no section “nope”" in out
    assert "links to /pages/broken/#missing: the page has no section “missing”" in out
    assert "“To a draft” (/pages/to-draft/) links to /pages/hidden/: no published page" in out
    assert "#here" not in out


def test_check_links_exits_non_zero_from_the_command_line(capsys):
    make_page(slug="broken", body="[gone](/pages/nowhere/)")
    total = starting_links()
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["manage.py", "check_links"])
    assert exit_.value.code == 1
    assert f"1 of {total} internal links are broken" in capsys.readouterr().err


def test_check_links_lists_a_link_to_an_old_address_without_failing(capsys):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    trials.slug = "trials"
    trials.save()
    call_command("check_links")
    out = capsys.readouterr().out
    assert "OLD ADDRESS  “When high-risk neuroblastoma comes back” (/pages/high-risk/) " in out
    assert "that page moved to /pages/trials/" in out
    assert f"All {starting_links()} internal links on published pages work." in out


def _save_queries(client, page, extra_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(extra_pages):
        make_page(slug=f"extra-{page.slug}-{i}", body=f"See [trials](/pages/clinical-trials/) {i}.")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(change_url(page), page_form_data(page, body="New words."))
    assert response.status_code == 302
    return [q["sql"] for q in queries.captured_queries]


def test_a_save_reads_every_pages_text_at_most_once_and_costs_the_same_as_the_site_grows(
    staff_client,
):
    _save_queries(staff_client, make_page(slug="warm-up"), 0)  # fills Django's own caches
    few = _save_queries(staff_client, make_page(slug="one"), 2)
    many = _save_queries(staff_client, make_page(slug="two"), 40)
    assert len(many) == len(few)
    whole_site_text_reads = [
        sql
        for sql in many
        if '"content_page"."body_html"' in sql
        and 'FROM "content_page"' in sql
        and "WHERE" not in sql
    ]
    assert len(whole_site_text_reads) <= 1
