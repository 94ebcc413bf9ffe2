"""Each language's starting content (content/starting/<lang>/) fits the English
it was translated from, so loading it gives parents pages the guide and the
links can rely on: the same pages with the same section ids, links that lead
somewhere, glossary words linked where the English ones are, and words for
every question and answer of the guide.

Parametrised over every language directory, so a new language's files are
checked as soon as they are added.
"""

import json
import re
from pathlib import Path

import pytest

from content.glossary import LINK_PREFIX, compile_glossary, link_terms, subject_terms
from content.rendering import RESERVED_IDS, heading_ids, render_markdown
from content.starting import site_text
from content.starting.glossary import TERMS
from content.starting.guide import QUESTIONS
from content.starting.pages import PAGES_DIR, parse_page_file

STARTING = PAGES_DIR.parent
LANGUAGES = sorted(path.name for path in STARTING.iterdir() if (path / "pages").is_dir())
ENGLISH_PAGES = {path.stem: path for path in sorted(PAGES_DIR.glob("*.md"))}
# Kept word for word from the English header: only the title and summary are words.
TRANSLATED_KEYS = {"title", "summary"}
SITE_TEXTS = {
    "worried_now": site_text.WORRIED_NOW,
    "about": site_text.ABOUT,
    "contact": site_text.CONTACT,
}

EXPLICIT_ID = re.compile(r"^#{2,6} .*\{#([^}\s]+)\}\s*$", re.MULTILINE)
HEADING = re.compile(r"^(#{2,6}) ", re.MULTILINE)
INTERNAL_LINK = re.compile(r"\]\((/pages/[^)\s]*)\)")
IN_PAGE_LINK = re.compile(r"\]\((#[^)\s]+)\)")
PAGE_ADDRESS = re.compile(r"^/pages/(?P<slug>[a-z0-9-]+)/(?:#(?P<section>[\w-]+))?$")

by_language = pytest.mark.parametrize("language", LANGUAGES)


def header(path):
    _, block, _ = Path(path).read_text(encoding="utf-8").split("---\n", 2)
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in block.strip().splitlines())
    )


def body(path):
    return Path(path).read_text(encoding="utf-8").split("---\n", 2)[2]


def translated_pages(language):
    return {path.stem: path for path in sorted((STARTING / language / "pages").glob("*.md"))}


def structure(markdown):
    """The explicit section ids in order, and the heading levels in order."""
    return EXPLICIT_ID.findall(markdown), HEADING.findall(markdown)


def glossary_words(language):
    return json.loads((STARTING / language / "glossary.json").read_text(encoding="utf-8"))


def words_on_pages(pages, terms):
    """For each page: the slugs of the terms linked on it or named in its title."""
    glossary = compile_glossary((slug, slug, names) for slug, names in terms)
    found = {}
    for slug, path in pages.items():
        page = parse_page_file(path)
        _, used = link_terms(render_markdown(page["body"]), glossary, subject=page["title"])
        found[slug] = set(used) | subject_terms(page["title"], glossary)
    return found


def test_there_is_starting_content_in_another_language():
    assert LANGUAGES, "No content/starting/<language>/ directory was found"


@by_language
def test_every_english_page_has_a_translation_and_no_other(language):
    assert list(translated_pages(language)) == list(ENGLISH_PAGES)


@by_language
def test_a_translated_header_keeps_every_english_key_and_value_but_the_words(language):
    for slug, path in translated_pages(language).items():
        english, translated = header(ENGLISH_PAGES[slug]), header(path)
        assert list(translated) == list(english), slug
        for key, value in english.items():
            if key in TRANSLATED_KEYS:
                assert translated[key] and translated[key] != value, (slug, key)
            else:
                assert translated[key] == value, (slug, key)
        parse_page_file(path)  # the loader reads it


@by_language
def test_a_translated_page_keeps_the_section_ids_and_headings_in_order(language):
    for slug, path in translated_pages(language).items():
        english_ids, english_levels = structure(body(ENGLISH_PAGES[slug]))
        ids, levels = structure(body(path))
        assert ids == english_ids, slug
        assert levels == english_levels, slug
        rendered = heading_ids(render_markdown(body(path)))
        assert [i for i in rendered if i in english_ids] == english_ids, slug
        # A heading named in the translation's words takes an id of its own.
        assert len(set(rendered)) == len(rendered), slug
        taken = [i for i in rendered if i in RESERVED_IDS or i.startswith(LINK_PREFIX)]
        assert not taken, f"{slug}: heading ids the site itself uses: {taken}"


@by_language
def test_links_keep_the_english_addresses_and_lead_to_a_page_and_section(language):
    pages = translated_pages(language)
    ids = {slug: set(heading_ids(render_markdown(body(path)))) for slug, path in pages.items()}
    for slug, path in pages.items():
        links = INTERNAL_LINK.findall(body(path))
        assert sorted(links) == sorted(INTERNAL_LINK.findall(body(ENGLISH_PAGES[slug]))), slug
        for address in links:
            match = PAGE_ADDRESS.match(address)
            assert match and match["slug"] in pages, (slug, address)
            assert not match["section"] or match["section"] in ids[match["slug"]], (slug, address)
        for anchor in IN_PAGE_LINK.findall(body(path)):
            assert anchor[1:] in ids[slug], (slug, anchor)


@by_language
def test_the_glossary_has_every_english_term_in_order_with_words(language):
    entries = glossary_words(language)
    assert [entry["slug"] for entry in entries] == [slug for _, slug, *_ in TERMS]
    for entry in entries:
        assert set(entry) == {"slug", "term", "other_names", "definition"}, entry["slug"]
        assert entry["term"].strip() and entry["definition"].strip(), entry["slug"]
        assert all(isinstance(name, str) and name.strip() for name in entry["other_names"])
    names = [n.lower() for e in entries for n in [e["term"], *e["other_names"]]]
    assert len(names) == len(set(names)), "A name belongs to two terms"


@by_language
def test_each_glossary_word_is_found_on_the_pages_where_the_english_one_is(language):
    english = words_on_pages(
        ENGLISH_PAGES, [(slug, [term, *others]) for term, slug, others, *_ in TERMS]
    )
    translated = words_on_pages(
        translated_pages(language),
        [(e["slug"], [e["term"], *e["other_names"]]) for e in glossary_words(language)],
    )
    missing = {
        slug: sorted(english[slug] - translated[slug])
        for slug in english
        if english[slug] - translated[slug]
    }
    assert not missing, f"Words the {language} pages do not use where English does: {missing}"


@by_language
def test_the_guide_has_words_for_every_question_and_answer(language):
    data = json.loads((STARTING / language / "guide.json").read_text(encoding="utf-8"))
    questions = data["questions"]
    assert [q["key"] for q in questions] == [q["key"] for q in QUESTIONS]
    for english, translated in zip(QUESTIONS, questions, strict=True):
        for field in ("text", "hint", "summary_label", "error_message"):
            assert bool(translated.get(field)) == bool(english.get(field)), (english["key"], field)
        answers = translated["answers"]
        assert [a["key"] for a in answers] == [a["key"] for a in english["answers"]]
        for english_answer, answer in zip(english["answers"], answers, strict=True):
            for field in ("label", "hint", "reason", "result_note"):
                where = (english["key"], english_answer["key"], field)
                assert bool(answer.get(field)) == bool(english_answer.get(field)), where


@by_language
def test_the_site_wide_texts_are_there_with_the_english_sections(language):
    for name, english in SITE_TEXTS.items():
        text = (STARTING / language / "site_text" / f"{name}.md").read_text(encoding="utf-8")
        assert bool(text.strip()) == bool(english.strip()), name
        assert structure(text) == structure(english), name
        render_markdown(text)


@by_language
def test_every_translated_text_renders(language):
    for path in translated_pages(language).values():
        assert render_markdown(body(path)).startswith("<")
