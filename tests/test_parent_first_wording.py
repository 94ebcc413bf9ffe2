"""The data migration 0026_parent_first_wording brings the starting pages,
glossary and guide of an existing database to the wording of the starting
files, only where the old words are still there and no clinician signed the
page off; the starting files and the migration agree."""

import pytest
from django.apps import apps

from content.models import Answer, Page, Question, Term
from content.starting.glossary import TERMS
from content.starting.guide import QUESTIONS
from content.starting.pages import starting_pages
from tests.support.factories import remove_translations
from tests.support.migrating import migration_module

pytestmark = pytest.mark.django_db

migration = migration_module("content", "0026_parent_first_wording")


@pytest.fixture(autouse=True)
def english_only(db):
    # These migrations ran before any translation existed: replay them on English rows.
    remove_translations()


def run():
    lines = []
    migration.update_wording(apps, report=lines.append)
    return lines


def set_back(slug):
    page = Page.objects.get(slug=slug)
    body = page.body
    for old, new in reversed(migration.PAGE_EDITS[slug]):
        body = body.replace(new, old)
    Page.objects.filter(pk=page.pk).update(body=body)
    return page


def test_a_fresh_install_already_has_the_new_wording_and_nothing_changes():
    files = {page["slug"]: page["body"] for page in starting_pages()}
    for slug, edits in migration.PAGE_EDITS.items():
        for _old, new in edits:
            assert new in files[slug] and new in Page.objects.get(slug=slug).body, slug
    definitions = {slug: (others, text) for _, slug, others, text, _ in TERMS}
    for slug, field, _, new in migration.TERM_EDITS:
        if field == "definition":
            assert new in definitions[slug][1]
    assert definitions["mibg-therapy"][0] == []
    assert QUESTIONS[0]["summary_label"] == "What is happening now"
    assert run() == []


@pytest.mark.parametrize("slug", list(migration.PAGE_EDITS))
def test_every_page_asks_what_signs_mean_calling_straight_away(client, slug):
    assert migration.CALL in Page.objects.get(slug=slug).body
    html = client.get(f"/pages/{slug}/questions/").content.decode()
    assert "What signs should make me call you straight away, day or night?" in html


def test_old_wording_is_updated_and_the_history_says_why(client):
    for slug in migration.PAGE_EDITS:
        set_back(slug)
    assert "its country" in Page.objects.get(slug="high-risk").body
    lines = run()
    assert len([line for line in lines if line.endswith("wording updated.")]) == 6
    page = Page.objects.get(slug="high-risk")
    assert "only a few centres in Canada" in page.body
    assert "other-things" in [id_ for id_, _ in page.sections]  # derived fields follow
    assert page.history.latest().history_change_reason == migration.REASON
    html = client.get("/pages/high-risk/").content.decode()
    assert 'href="#other-things"' in html  # the contents list reads the new headings
    assert "stem cell rescue is over" not in html


def test_a_signed_off_page_keeps_its_checked_words_and_is_named():
    set_back("cns")
    Page.objects.filter(slug="cns").update(checked_at="2026-11-30T10:00Z")
    lines = run()
    assert "Our sources do not describe a separate plan" in Page.objects.get(slug="cns").body
    assert lines == ["Page “cns”: signed off by a clinician, so its wording was not changed."]


def test_an_editors_sentence_is_kept_and_the_rest_updated():
    page = set_back("clinical-trials")
    Page.objects.filter(pk=page.pk).update(
        body=Page.objects.get(pk=page.pk).body.replace(
            "The Institute warns that its advice may be out of date.", "An editor's sentence."
        )
    )
    lines = run()
    body = Page.objects.get(pk=page.pk).body
    assert "An editor's sentence." in body and "whether they are safe" in body
    assert "1 sentence(s) an editor had changed were left as they are" in lines[0]


def test_glossary_and_guide_are_updated_only_where_unchanged():
    Term.objects.filter(slug="mibg-therapy").update(
        other_names="MIBG\nmetaiodobenzylguanidine",
        definition="A treatment that uses a radioactive form of a substance called MIBG. Many "
        "neuroblastoma cells take in MIBG, so it carries the radiation to them.",
    )
    Term.objects.filter(slug="relapse").update(definition="An editor's own definition.")
    Question.objects.filter(key="where").update(summary_label="Where it has come back")
    Answer.objects.filter(question__key="where", key="not-sure").update(hint="Editor's hint.")
    lines = run()
    term = Term.objects.get(slug="mibg-therapy")
    assert term.other_names == "" and "small amount of MIBG" in term.definition
    assert Term.objects.get(slug="relapse").definition == "An editor's own definition."
    assert Question.objects.get(key="where").summary_label == "What is happening now"
    assert Answer.objects.get(question__key="where", key="not-sure").hint == "Editor's hint."
    assert lines == [
        "Glossary word “mibg-therapy”: updated.",
        "Guide “where”: summary_label updated.",
    ]
    assert term.history.latest().history_change_reason == migration.REASON


def test_the_growing_answer_reads_right_in_the_summary(client):
    html = client.get("/guide/result/?where=growing").content.decode()
    assert "<dt>What is happening now</dt>" in html
    assert "Where it has come back" not in html
