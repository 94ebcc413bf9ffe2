"""The site-wide texts: the "If you are worried right now" box, the About page and
the organisation behind the site, edited in the admin and kept in history."""

import re
from html import unescape

import pytest

from content import review
from content.models import Page, SiteText
from tests.support.factories import second_reviewer
from tests.test_guide_flow import PATHS

pytestmark = pytest.mark.django_db

BOX = 'aria-labelledby="worried-now-heading"'


def result_url(clicks):
    return "/guide/result/?" + "&".join(f"{q}={a}" for q, a in clicks)


def test_the_first_migrate_creates_calm_starting_texts_that_name_no_number_or_organisation():
    site_text = SiteText.current()
    assert site_text.organisation_name == ""
    assert "24-hour number" in site_text.worried_now_html
    assert "local emergency number" in site_text.worried_now_html
    assert not re.search(r"\d{3}", site_text.worried_now)  # no phone number it cannot know
    assert '<h2 id="your-data">' in site_text.about_html


def test_the_box_names_the_warning_signs_and_what_to_do_with_no_answer():
    text = " ".join(SiteText.current().worried_now.split())
    assert "a fever (a high temperature)" in text
    assert "any warning sign the team told you about" in text
    assert "day or night" in text
    assert "If you have no 24-hour number, or nobody answers" in text
    assert "struggling to breathe, has a fit, or is very hard to wake" in text  # an emergency
    assert not re.search(r"\d", text.replace("24-hour", ""))  # no temperature, no number
    # The About page says on what the box rests.
    assert "{#worried-now}" in SiteText.current().about


def migration_0024():
    import importlib

    return importlib.import_module("content.migrations.0025_worried_now_warning_signs")


def test_the_starting_box_is_brought_up_to_date_and_its_history_says_why():
    migration = migration_0024()
    SiteText.objects.update(worried_now=migration.OLD_WORRIED_NOW, about=migration.OLD_ABOUT)
    lines = []
    migration.update_site_text(SiteText, SiteText.history.model, report=lines.append)
    site_text = SiteText.current()
    assert "a fever (a high temperature)" in site_text.worried_now_html
    assert "not written for one country" in site_text.about_html
    assert lines == ["Site-wide texts: worried_now and about updated to the new starting text."]
    latest = site_text.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason == migration.REASON
    assert len(migration.REASON) <= 100  # simple-history's column: PostgreSQL refuses more
    assert "a fever" in latest.worried_now


def test_an_organisations_own_box_is_never_overwritten():
    migration = migration_0024()
    own = "Call the ward on the number on your card.\r\n"
    SiteText.objects.update(worried_now=own, about=migration.OLD_ABOUT.replace("\n", "\r\n"))
    before = SiteText.history.count()
    lines = []
    migration.update_site_text(SiteText, SiteText.history.model, report=lines.append)
    site_text = SiteText.current()
    assert site_text.worried_now == own
    assert "not written for one country" in site_text.about  # unchanged apart from \r\n
    assert "written by your organisation: left as it is" in lines[0]
    assert SiteText.history.count() == before + 1


def test_saving_renders_markdown_and_keeps_history():
    site_text = SiteText.current()
    site_text.worried_now = "Call **0800 000 000**. <script>x</script>"
    site_text.save()
    assert "<strong>0800 000 000</strong>" in site_text.worried_now_html
    assert "<script>" not in site_text.worried_now_html
    assert site_text.history.count() >= 1


def test_the_worried_box_is_on_every_content_page_before_its_first_section(client):
    for page in Page.objects.published():
        html = client.get(page.get_absolute_url()).content.decode()
        assert BOX in html, page.slug
        first_section = html.index(f'<h2 id="{page.sections[0][0]}">')
        assert html.index(BOX) < first_section, page.slug
        assert html.index(BOX) < html.index('id="contents-heading"'), page.slug


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS)
def test_the_worried_box_is_on_every_result_before_the_result(client, clicks, slug, section):
    html = client.get(result_url(clicks)).content.decode()
    assert BOX in html
    assert html.index(BOX) < html.index('id="result-heading"')
    assert "If you are worried right now" in html


def test_the_box_shows_what_the_organisation_wrote(client):
    site_text = SiteText.current()
    site_text.worried_now = "Call the ward on 01234 567890, day or night."
    site_text.save()
    html = client.get("/pages/cns/").content.decode()
    assert "Call the ward on 01234 567890, day or night." in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/pages/high-risk/",
        "/guide/",
        "/guide/where/",
        "/guide/where/next/",
        "/guide/result/?where=brain",
        "/guide/result/?where=underground",
        "/about/",
        "/pages/no-such-page/",
    ],
)
def test_every_page_links_to_about_this_site(client, url):
    html = client.get(url).content.decode()
    assert '<a href="/about/">About this site</a>' in html, url


def test_about_says_plainly_when_no_organisation_name_is_set(client):
    response = client.get("/about/")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "No organisation's name has been set for this site yet" in html
    assert "has not added its contact details yet" in html


def test_about_names_the_organisation_and_its_contact_once_set(client):
    site_text = SiteText.current()
    site_text.organisation_name = "The Example Children's Cancer Trust"
    site_text.contact = "Email [help@example.org](mailto:help@example.org)."
    site_text.save()
    html = unescape(client.get("/about/").content.decode())
    assert "This site is run by The Example Children's Cancer Trust." in html
    assert 'href="mailto:help@example.org"' in html
    assert "No organisation's name" not in html


def test_about_explains_writing_review_sources_and_data(client):
    html = unescape(client.get("/about/").content.decode())
    # That a page may not be checked yet comes first, before how checking works.
    not_yet = html.index("Some pages may not have been checked by a clinician")
    assert not_yet < html.index("a clinician to check each page against its sources")
    assert "Our sources are not new" in html and "May 2015" in html
    assert "not written for one country" in html
    assert "with the dates we read them" in html
    assert "clear your browser's history" in html
    assert "only in the web address" in html
    # The sources, each once, with honest dates.
    assert html.count("Canadian Cancer Society, ") == 1
    assert "as republished by WebMD" in html and "dated" in html
    assert "we read it on" in html and "22 November 2026" in html


def test_a_page_shows_its_sources_dates_honestly(client):
    html = unescape(client.get("/pages/high-risk/").content.decode())
    assert "dated <time" in html and "28 May 2015" in html
    assert "updated 28 May" not in html
    assert "neuroblastoma-treatment-pdq" not in html  # today's changed cancer.gov page
    assert "Dictionary of Cancer Terms" in html


def test_the_guide_start_says_where_the_answers_stay(client):
    html = unescape(client.get("/guide/").content.decode())
    assert "We do not store your answers" in html
    assert "history" in html and 'href="/about/#your-data"' in html
    assert "not stored anywhere" not in html


def test_a_result_varies_its_care_team_sentences(client):
    html = unescape(client.get("/guide/result/?where=one-place&risk-group=low").content.decode())
    assert html.count("know your child best") + html.count("knows your child best") <= 1


def test_the_growing_path_result_has_a_note_and_opens_the_progressive_section(client):
    html = unescape(client.get("/guide/result/?where=growing").content.decode())
    assert 'href="/pages/what-is-recurrence/#progressive"' in html
    assert "You said it is growing during treatment." in html
    assert "whether a clinical trial could be an option" in html


def test_not_sure_where_says_what_to_ask(client):
    html = unescape(client.get("/guide/result/?where=not-sure&risk-group=high").content.decode())
    assert "Ask your child's care team where the cancer has come back" in html


def test_the_admin_edits_the_one_row_and_cannot_add_or_delete_another(staff_client):
    site_text = SiteText.current()
    response = staff_client.get("/admin/content/sitetext/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/content/sitetext/{site_text.pk}/change/")
    change = f"/admin/content/sitetext/{site_text.pk}/change/"
    assert staff_client.get(change).status_code == 200
    response = staff_client.post(
        change,
        {
            "organisation_name": "A Trust",
            "worried_now": "Call us.",
            "about": site_text.about,
            "contact": "",
            "edit_token": review.edit_token(site_text),
            "_submit_for_sign_off": "1",
        },
    )
    assert response.status_code == 302
    # The change waits for a second person's sign-off.
    site_text.refresh_from_db()
    assert site_text.organisation_name == ""
    review.sign_off(site_text, second_reviewer())
    site_text.refresh_from_db()
    assert site_text.organisation_name == "A Trust"
    assert site_text.worried_now_html == "<p>Call us.</p>"
    assert site_text.history.count() >= 1
    assert staff_client.get("/admin/content/sitetext/add/").status_code == 403
    assert staff_client.get(f"/admin/content/sitetext/{site_text.pk}/delete/").status_code == 403
    assert staff_client.get(f"/admin/content/sitetext/{site_text.pk}/history/").status_code == 200


def test_a_missing_row_never_breaks_a_page(client):
    SiteText.objects.all().delete()
    assert client.get("/pages/cns/").status_code == 200
    assert client.get("/about/").status_code == 200
