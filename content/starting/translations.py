"""The starting content in each language (content/starting/<lang>/), loaded as
UNCHECKED translations of the English starting content: published, so parents
can read them, and saying on every page that no clinician who reads the
language has checked them yet (docs/translating.md).

Read by the data migration that creates them and by the browser tests (whose
database is emptied between tests). It reads the files by path and takes a
`get_model(name)` function, so the migration can pass its historical models
and the tests today's. Rows that exist are left alone: an editor's or
translator's words are never overwritten, and loading twice adds nothing.

What each translation keeps of its English row (docs/translating.md):
`translation_of`, the same address, the English page's order, review date and
sources, and `source_text`, the English words it was made from, as
content/review/kinds.py reads them (so it is not "behind" until the English
changes), with `source_checked_at`, when that English text was signed off (empty
while the English is unchecked too).
"""

import datetime
import json
from pathlib import Path

from content.links import anchors_in, links_in
from content.rendering import localise_links, render_markdown, sections
from content.starting.glossary import link_all_pages

STARTING_DIR = Path(__file__).resolve().parent
SITE_TEXT_FIELDS = ("worried_now", "about", "contact")
QUESTION_WORDS = ("text", "hint", "summary_label", "error_message")
ANSWER_WORDS = ("label", "hint", "reason", "result_note")
PUBLISHED = "published"


def language_dirs(codes):
    """{code: its folder} for each of `codes` that has starting content."""
    found = {}
    for code in codes:
        folder = STARTING_DIR / code
        if (folder / "pages").is_dir():
            found[code] = folder
    return found


# --- the English words a translation was made from, as content/review/kinds.py
# reads them. Frozen here so the migration does not change when that module does;
# tests/test_translated_pages.py checks that no starting translation is behind.


def _normalise(data):
    if isinstance(data, dict):
        return {key: _normalise(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_normalise(value) for value in data]
    if isinstance(data, str):
        return data.replace("\r\n", "\n").replace("\r", "\n").strip()
    return data


def _source(source):
    data = {
        "organisation": source.organisation or "",
        "title": source.title or "",
        "url": source.url or "",
        "order": int(source.order or 0),
    }
    for name in ("date", "accessed"):
        value = getattr(source, name, None)
        data[name] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
    return data


def page_words(page, sources):
    return _normalise(
        {
            "title": page.title,
            "summary": page.summary,
            "body": page.body,
            "sources": sorted((_source(s) for s in sources), key=lambda s: s["order"]),
        }
    )


def term_words(term):
    names = ("term", "definition", "other_names", "source_name", "source_url")
    return _normalise({name: getattr(term, name) for name in names})


def site_text_words(text):
    names = ("organisation_name", *SITE_TEXT_FIELDS)
    return _normalise({name: getattr(text, name) for name in names})


def guide_words(questions):
    return _normalise(
        {
            "questions": [
                {
                    "key": question.get("key", ""),
                    **{name: question.get(name, "") for name in QUESTION_WORDS},
                    "answers": [
                        {"key": answer.get("key", "")}
                        | {name: answer.get(name, "") for name in ANSWER_WORDS}
                        for answer in question.get("answers", [])
                    ],
                }
                for question in questions
            ]
        }
    )


# --- reading the files ---------------------------------------------------------------


def read_page_file(path):
    """(title, summary, body) of a translated page file: the English header's
    shape, of which only the title and summary are words."""
    _, header, body = Path(path).read_text(encoding="utf-8").split("---\n", 2)
    meta = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in header.strip().splitlines())
    )
    return meta["title"], meta["summary"], body.strip() + "\n"


def _read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else None


# --- loading -------------------------------------------------------------------------------


def load_starting_translations(get_model, codes, default, record=None):
    """Create each missing starting translation in `codes` (the languages the
    settings name), of the English (`default`) rows. Returns what it created, as
    {"pages": n, "terms": n, "site_texts": n, "guides": n}.

    `record(model_name, row)`, if given, keeps a history record of a created
    row (the migration's historical models keep none by themselves).
    """
    made = {"pages": 0, "terms": 0, "site_texts": 0, "guides": 0}
    for code, folder in language_dirs(codes).items():
        if code == default:
            continue
        made["terms"] += _load_terms(get_model, code, folder, default, record)
        made["pages"] += _load_pages(get_model, code, folder, default, record)
        made["site_texts"] += _load_site_text(get_model, code, folder, default, record)
        made["guides"] += _load_guide(get_model, code, folder, default, record)
    if made["pages"] or made["terms"]:
        # The glossary words of each language linked in its pages, and each
        # translation's links kept within its language.
        link_all_pages(get_model("Term"), get_model("Page"))
    return made


def _load_pages(get_model, code, folder, default, record):
    page_model, source_model = get_model("Page"), get_model("Source")
    made = 0
    for path in sorted((folder / "pages").glob("*.md")):
        english = page_model.objects.filter(language=default, slug=path.stem).first()
        if english is None:  # an editor removed it, or renamed it: nothing to translate
            continue
        if page_model.objects.filter(language=code, translation_of=english).exists():
            continue
        if page_model.objects.filter(language=code, slug=english.slug).exists():
            continue
        title, summary, body = read_page_file(path)
        sources = list(source_model.objects.filter(page=english).order_by("order", "pk"))
        # Glossary words are linked after, in every page at once.
        html = render_markdown(body)

        page = page_model.objects.create(
            language=code,
            translation_of=english,
            slug=english.slug,
            title=title,
            summary=summary,
            body=body,
            body_html=localise_links(html, code),
            headings=[list(pair) for pair in sections(html)],
            links=links_in(html),
            anchors=anchors_in(html),
            # Parents read it as soon as the English page is theirs to read.
            status=english.status,
            order=english.order,
            review_due=english.review_due,
            last_reviewed=None,  # set only by a sign-off of this translation
            source_text=page_words(english, sources),
            source_checked_at=english.checked_at,
        )
        for source in sources:
            source_model.objects.create(
                page=page,
                organisation=source.organisation,
                title=source.title,
                url=source.url,
                date=source.date,
                accessed=source.accessed,
                order=source.order,
            )
        if record:
            record("Page", page)
        made += 1
    return made


def _load_terms(get_model, code, folder, default, record):
    term_model = get_model("Term")
    words = _read_json(folder / "glossary.json") or []
    english = {t.slug: t for t in term_model.objects.filter(language=default)}
    taken = set(term_model.objects.filter(language=code).values_list("slug", flat=True))
    taken_words = set(term_model.objects.filter(language=code).values_list("term", flat=True))
    new = []
    for entry in words:
        source = english.get(entry["slug"])
        if source is None or entry["slug"] in taken or entry["term"] in taken_words:
            continue
        new.append(
            term_model(
                language=code,
                translation_of=source,
                slug=source.slug,
                term=entry["term"],
                other_names="\n".join(entry.get("other_names", [])),
                definition=entry["definition"],
                source_name=source.source_name,
                source_url=source.source_url,
                published=source.published,
                source_text=term_words(source),
                source_checked_at=source.checked_at,
            )
        )
        taken.add(entry["slug"])
        taken_words.add(entry["term"])
    # bulk_create: no per-word signal; every page is linked once, after.
    created = term_model.objects.bulk_create(new)
    if record:
        for term in term_model.objects.filter(language=code, slug__in=[t.slug for t in new]):
            record("Term", term)
    return len(created)


def _load_site_text(get_model, code, folder, default, record):
    model = get_model("SiteText")
    english = model.objects.filter(language=default).order_by("-pk").first()
    if english is None or model.objects.filter(language=code).exists():
        return 0
    words = {}
    for name in SITE_TEXT_FIELDS:
        path = folder / "site_text" / f"{name}.md"
        words[name] = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    if not words["worried_now"]:  # the box parents need most is never left empty
        return 0
    row = model.objects.create(
        language=code,
        translation_of=english,
        organisation_name=english.organisation_name,  # a name, not words
        **words,
        **{f"{name}_html": localise_links(render_markdown(words[name]), code) for name in words},
        source_text=site_text_words(english),
        source_checked_at=english.checked_at,
    )
    if record:
        record("SiteText", row)
    return 1


def _load_guide(get_model, code, folder, default, record):
    model = get_model("Guide")
    words = _read_json(folder / "guide.json")
    english = model.objects.filter(language=default).order_by("pk").first()
    if not words or english is None or not english.questions:
        return 0
    if model.objects.filter(language=code).exists():
        return 0
    # Only the words, by the English keys, in the English order; the structure
    # (routes, pages, sections) stays the English guide's.
    row = model.objects.create(
        language=code,
        translation_of=english,
        questions=guide_words(words.get("questions", []))["questions"],
        source_text=guide_words(english.questions),
        source_checked_at=english.checked_at,
    )
    if record:
        record("Guide", row)
    return 1
