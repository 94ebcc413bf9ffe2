"""Each language's starting content (content/starting/<lang>/) fits the English
it was translated from, so loading it gives parents pages the guide and the
links can rely on: the same pages with the same section ids, links that lead
somewhere, glossary words linked where the English ones are, and words for
every question and answer of the guide.

Parametrised over every language directory, so a new language's files are
checked as soon as they are added.

Every section of a translation has its English section's id, also where the
English heading has no {#id} and its words make the id: the translation
writes that id out (`## Essais cliniques {#clinical-trials}`). The guide
may open any section, and /fr/pages/x/#id must open the one /pages/x/#id does.
"""

import json
import re
from pathlib import Path

import pytest

from content.glossary import compile_glossary, link_terms, normalise, subject_terms
from content.rendering import heading_ids, render_markdown
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

# A word a translation need not use on a page where the English uses it, with
# the reason: {language: {(page slug, term slug): reason}}. Empty today; an
# entry that is no longer needed fails, so the list stays true.
GLOSSARY_EXCEPTIONS = {}

EXPLICIT_ID = re.compile(r"^#{2,6} .*\{#([^}\s]+)\}\s*$", re.MULTILINE)
HEADING = re.compile(r"^(#{2,6}) ", re.MULTILINE)
INTERNAL_LINK = re.compile(r"\]\((/pages/[^)\s]*)\)")
IN_PAGE_LINK = re.compile(r"\]\((#[^)\s]+)\)")
ANY_LINK = re.compile(r"\]\(([^)\s]+)\)")
PAGE_ADDRESS = re.compile(r"^/pages/(?P<slug>[a-z0-9-]+)/(?:#(?P<section>[\w-]+))?$")

# The guide's words by key; the structure (routes, pages, sections) is the English guide's.
QUESTION_WORDS = ("text", "hint", "summary_label", "error_message")
ANSWER_WORDS = ("label", "hint", "reason", "result_note")

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


def same_sections(translated, english, name):
    english_ids, english_levels = structure(english)
    ids, levels = structure(translated)
    # An id the English fixes stays fixed when a heading is reworded.
    assert [i for i in ids if i in english_ids] == english_ids, name
    assert levels == english_levels, name
    # Every section, in order, has the English section's id.
    rendered = heading_ids(render_markdown(translated))
    assert rendered == heading_ids(render_markdown(english)), name


@by_language
def test_a_translated_page_keeps_the_section_ids_and_headings_in_order(language):
    for slug, path in translated_pages(language).items():
        same_sections(body(path), body(ENGLISH_PAGES[slug]), slug)


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
        # Any other link leaves the site: rendering adds the language prefix.
        others = [
            target
            for target in ANY_LINK.findall(body(path))
            if not target.startswith(("/pages/", "#", "https://", "http://", "mailto:", "tel:"))
        ]
        assert not others, f"{slug}: links that are not English addresses: {others}"


@by_language
def test_the_glossary_has_every_english_term_in_order_with_words(language):
    entries = glossary_words(language)
    assert [entry["slug"] for entry in entries] == [slug for _, slug, *_ in TERMS]
    for entry in entries:
        assert set(entry) == {"slug", "term", "other_names", "definition"}, entry["slug"]
        assert entry["term"].strip() and entry["definition"].strip(), entry["slug"]
        assert all(isinstance(name, str) and name.strip() for name in entry["other_names"])
    names = [normalise(n) for e in entries for n in [e["term"], *e["other_names"]]]
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
    exceptions = GLOSSARY_EXCEPTIONS.get(language, {})
    missing = {
        slug: sorted(
            term for term in english[slug] - translated[slug] if (slug, term) not in exceptions
        )
        for slug in english
    }
    missing = {slug: terms for slug, terms in missing.items() if terms}
    assert not missing, f"Words the {language} pages do not use where English does: {missing}"
    needless = [
        (page, term) for page, term in exceptions if term not in english[page] - translated[page]
    ]
    assert not needless, f"Exceptions no longer needed: {needless}"


@by_language
def test_the_guide_has_words_for_every_question_and_answer(language):
    data = json.loads((STARTING / language / "guide.json").read_text(encoding="utf-8"))
    assert set(data) == {"questions"}
    questions = data["questions"]
    assert [q["key"] for q in questions] == [q["key"] for q in QUESTIONS]
    for english, translated in zip(QUESTIONS, questions, strict=True):
        assert set(translated) == {"key", "answers", *QUESTION_WORDS}, english["key"]
        for field in QUESTION_WORDS:
            assert bool(translated.get(field)) == bool(english.get(field)), (english["key"], field)
        answers = translated["answers"]
        assert [a["key"] for a in answers] == [a["key"] for a in english["answers"]]
        for english_answer, answer in zip(english["answers"], answers, strict=True):
            assert set(answer) == {"key", *ANSWER_WORDS}, (english["key"], answer["key"])
            for field in ANSWER_WORDS:
                where = (english["key"], english_answer["key"], field)
                assert bool(answer.get(field)) == bool(english_answer.get(field)), where


@by_language
def test_the_site_wide_texts_are_there_with_the_english_sections(language):
    for name, english in SITE_TEXTS.items():
        text = (STARTING / language / "site_text" / f"{name}.md").read_text(encoding="utf-8")
        assert bool(text.strip()) == bool(english.strip()), name
        same_sections(text, english, name)


@by_language
def test_every_translated_text_renders(language):
    for path in translated_pages(language).values():
        assert render_markdown(body(path)).startswith("<")
    for path in (STARTING / language / "site_text").glob("*.md"):
        render_markdown(path.read_text(encoding="utf-8"))  # raises on text it will not take
