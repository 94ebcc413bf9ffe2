"""Each language's starting guide words and pages (content/starting/<lang>/),
put in the database the way parents get them: published, not yet checked,
made from the English words of today (their `source_text`).

Rows that are already there (a data migration loaded them) are left alone.
"""

import json

from content import languages
from content.models import Guide, Page
from content.review.kinds import kind_of
from content.starting.pages import PAGES_DIR, parse_page_file

STARTING = PAGES_DIR.parent

# Every language whose starting guide words are written.
GUIDE_LANGUAGES = [
    code for code in languages.translations() if (STARTING / code / "guide.json").is_file()
]


def starting_words(language):
    path = STARTING / language / "guide.json"
    return json.loads(path.read_text(encoding="utf-8"))["questions"]


def load_guide_translation(language):
    """The language's Guide row, with the starting words if it had none."""
    english = Guide.current(languages.default())
    found = Guide.objects.filter(language=language).first()
    if found is not None:
        return found
    kind = kind_of(english)
    return Guide.objects.create(
        language=language,
        translation_of=english,
        questions=starting_words(language),
        source_text=kind.translatable(kind.live(english)),
    )


def load_page_translations(language):
    """The language's starting pages, published, for each English page they translate."""
    made = []
    for path in sorted((STARTING / language / "pages").glob("*.md")):
        english = Page.objects.get(language=languages.default(), slug=path.stem)
        if english.translation(language) is not None:
            continue
        fields = parse_page_file(path)
        made.append(
            Page.objects.create(
                language=language,
                translation_of=english,
                slug=english.slug,
                title=fields["title"],
                summary=fields["summary"],
                body=fields["body"],
                order=english.order,
                status=Page.Status.PUBLISHED,
                review_due=english.review_due,
            )
        )
    return made


def load_starting_translation(language):
    load_page_translations(language)
    return load_guide_translation(language)
