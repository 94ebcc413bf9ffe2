"""The migration 0009_update_starting_content brings an existing database's
starting pages and guide up to date, but only where no editor has changed them:
called directly, with the real models, on a database set back to the texts 0002
and 0004 first created."""

import datetime
import json
from pathlib import Path

import pytest

import content.starting.guide
from content import guide
from content.models import Answer, Page, Question, Source
from content.starting.guide import load_starting_guide
from content.starting.pages import starting_pages
from tests.support.factories import remove_translations
from tests.support.migrating import migration_module

pytestmark = pytest.mark.django_db

migration = migration_module("content", "0009_update_starting_content")


@pytest.fixture(autouse=True)
def english_only(db):
    # These migrations ran before any translation existed: replay them on English rows.
    remove_translations()


ORIGINAL = json.loads(
    (Path(__file__).parent / "data" / "original_starting_content.json").read_text()
)
NEW = {page["slug"]: page for page in starting_pages()}


def set_back_to_the_original_content(monkeypatch):
    """The database as it was before the rewrite: original pages, sources and guide."""
    for data in ORIGINAL["pages"]:
        page = Page.objects.get(slug=data["slug"])
        page.title, page.summary, page.body = data["title"], data["summary"], data["body"]
        page.save()
        page.sources.all().delete()
        for order, source in enumerate(data["sources"]):
            date = source["date"] and datetime.date.fromisoformat(source["date"])
            Source.objects.create(page=page, order=order, **{**source, "date": date})
    Answer.objects.all().delete()
    Question.objects.all().delete()
    monkeypatch.setattr(content.starting.guide, "QUESTIONS", ORIGINAL["questions"])
    assert load_starting_guide(Question, Answer, Page)
    monkeypatch.undo()


def run():
    lines = []
    migration.update_starting_content(Page, Source, Question, Answer, report=lines.append)
    return lines


def test_the_original_fingerprints_are_those_of_the_original_texts():
    for data in ORIGINAL["pages"]:
        fingerprint = migration.page_fingerprint(data["title"], data["summary"], data["body"])
        assert migration.ORIGINAL_PAGES[data["slug"]] == fingerprint


def test_unchanged_pages_and_guide_are_brought_up_to_date(monkeypatch):
    set_back_to_the_original_content(monkeypatch)
    lines = run()
    for slug, new in NEW.items():
        page = Page.objects.get(slug=slug)
        assert page.body == new["body"], slug
        assert 'id="' in page.body_html
        assert [s.title for s in page.sources.all()] == [s["title"] for s in new["sources"]]
        assert f"Page “{slug}”: updated to the rewritten text." in lines
    nci = Source.objects.filter(organisation__contains="WebMD").first()
    assert nci.url == "" and nci.accessed == datetime.date(2026, 11, 22)
    growing = Answer.objects.get(question__key="where", key="growing")
    assert (growing.page.slug, growing.section) == ("what-is-recurrence", "progressive")
    assert Answer.objects.get(question__key="where", key="spread").hint.startswith("For example")
    assert "very low" in Question.objects.get(key="risk-group").hint
    assert guide.problems(guide.load_questionnaire(working=True)) == []


def test_an_editors_changes_are_never_overwritten_and_are_reported(monkeypatch):
    set_back_to_the_original_content(monkeypatch)
    edited = Page.objects.get(slug="cns")
    edited.body += "\nA nurse added this line."
    edited.save()
    Answer.objects.filter(question__key="where", key="brain").update(label="Brain or spine")
    Question.objects.filter(key="risk-group").update(text="Which risk group?")
    lines = run()
    assert Page.objects.get(slug="cns").body.endswith("A nurse added this line.")
    assert "Page “cns” was changed by an editor: left as it is, with its sources." in lines
    assert Page.objects.get(slug="cns").sources.filter(url__contains="cancer.gov/types").exists()
    assert Answer.objects.get(question__key="where", key="brain").label == "Brain or spine"
    assert "Guide answer “where = brain” was changed by an editor: left as it is." in lines
    assert Question.objects.get(key="risk-group").text == "Which risk group?"
    assert "Guide question “risk-group” was changed by an editor: left as it is." in lines
    # Everything else still moves on.
    assert Page.objects.get(slug="low-risk").body == NEW["low-risk"]["body"]
    assert Answer.objects.filter(question__key="where", key="growing").exists()
    assert guide.problems(guide.load_questionnaire(working=True)) == []


def test_a_page_saved_in_the_admin_without_a_change_still_counts_as_unchanged(monkeypatch):
    set_back_to_the_original_content(monkeypatch)
    page = Page.objects.get(slug="high-risk")
    page.body = page.body.replace("\n", "\r\n")
    page.save()
    run()
    assert Page.objects.get(slug="high-risk").body == NEW["high-risk"]["body"]


def test_a_signed_off_page_that_is_updated_loses_its_sign_off(monkeypatch):
    set_back_to_the_original_content(monkeypatch)
    Page.objects.filter(slug="low-risk").update(
        checked_at=datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC),
        checked_by_role="Medical reviewer",
        last_reviewed=datetime.date(2026, 11, 30),
    )
    lines = run()
    page = Page.objects.get(slug="low-risk")
    assert not page.is_checked and page.last_reviewed is None
    assert any("low-risk" in line and "check it again" in line for line in lines)


def test_the_growing_answer_opens_the_overview_at_the_top_if_an_editor_removed_the_section(
    monkeypatch,
):
    set_back_to_the_original_content(monkeypatch)
    page = Page.objects.get(slug="what-is-recurrence")
    page.body = "## Why the risk group matters {#risk-groups}\n\nAn editor's own words."
    page.save()
    run()
    assert Answer.objects.get(question__key="where", key="growing").section == ""
    assert guide.problems(guide.load_questionnaire(working=True)) == []


def test_on_a_fresh_database_only_the_read_on_dates_are_added():
    # 0002 and 0004 already loaded the new files; 0002's Source had no `accessed`.
    Source.objects.update(accessed=None)
    assert run() == []
    assert Source.objects.filter(organisation="Canadian Cancer Society", accessed=None).count() == 0
    assert Page.objects.get(slug="high-risk").body == NEW["high-risk"]["body"]
    assert run() == []  # running again changes nothing


def test_usually_is_added_to_the_stem_cell_sentence_only_where_no_one_checked_it(db):

    from content.models import Page

    migration = migration_module("content", "0023_stem_cell_wording")
    page = Page.objects.get(slug=migration.SLUG)
    assert migration.NEW in page.body  # a fresh database has the new words

    Page.objects.filter(pk=page.pk).update(body=page.body.replace(migration.NEW, migration.OLD))
    lines = []
    migration.usually(Page, report=lines.append)
    page.refresh_from_db()
    assert migration.NEW in page.body and "usually collects" in page.body_html
    assert lines == ["Page “intermediate-risk”: “usually” added to the stem cell sentence."]

    Page.objects.filter(pk=page.pk).update(
        body=page.body.replace(migration.NEW, migration.OLD), checked_at="2026-11-30T10:00Z"
    )
    lines = []
    migration.usually(Page, report=lines.append)
    page.refresh_from_db()
    assert migration.OLD in page.body  # a clinician's checked words are left for an editor
    assert "signed off by a clinician" in lines[0]
