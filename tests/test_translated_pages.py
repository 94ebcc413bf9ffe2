"""Parents' pages in each language: the starting translations the migration
loads, what each page shows in a language, what a translated page says about
where it stands, and what a page with no translation says.

Addresses are made with reverse() in the language (/fr/pages/x/ once the
language prefixes are in the URLconf) and requested in that language, so the
tests hold with or without the address prefixes.
"""

from html import unescape

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from content import languages, review
from content.models import Guide, Page, SiteText, Term
from content.starting.translations import (
    STARTING_DIR,
    language_dirs,
    load_starting_translations,
    read_page_file,
)
from neuroinfo import response_cache
from tests.support.factories import make_user, remove_translations, second_reviewer

pytestmark = pytest.mark.django_db

# Every language the settings name that has starting content (the migration
# loads exactly these).
LOADED = sorted(language_dirs(languages.translations()))
by_language = pytest.mark.parametrize("language", LOADED)


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches["default"].clear()
    response_cache.forget_version()
    yield
    response_cache.forget_version()


def address(language, name, *args):
    with translation.override(language):
        return reverse(f"content:{name}", args=args)


def get(client, language, url, **kwargs):
    with translation.override(language):
        return client.get(url, **kwargs)


def text(response):
    return unescape(response.content.decode())


def translated_title(language, slug):
    return read_page_file(STARTING_DIR / language / "pages" / f"{slug}.md")[0]


def english(slug):
    return Page.objects.get(language=languages.default(), slug=slug)


def sign_off_english_change(page, **changes):
    """An editor changes the English page; a second reviewer signs it off."""
    data = review.kind_of(page).live(page) | changes
    review.save_edit(page, data, make_user("english-editor", "editor"), submit=True)
    review.sign_off(Page.objects.get(pk=page.pk), second_reviewer())


# --- what the migration loaded --------------------------------------------------------


def test_every_language_with_starting_content_is_loaded():
    assert LOADED, "no language the settings name has starting content"


@by_language
def test_the_migration_loads_each_starting_text_as_an_unchecked_translation(language):
    folder = STARTING_DIR / language
    for path in sorted((folder / "pages").glob("*.md")):
        original = english(path.stem)
        page = Page.objects.get(language=language, slug=path.stem)
        assert page.translation_of == original
        assert page.title == read_page_file(path)[0]
        assert page.is_published and not page.is_checked and page.last_reviewed is None
        assert page.review_due == original.review_due and page.order == original.order
        assert page.source_checked_at == original.checked_at
        assert page.source_text["body"] == original.body.strip()
        own = [(s.organisation, s.title, s.date) for s in page.sources.all()]
        assert own == [(s.organisation, s.title, s.date) for s in original.sources.all()]
        assert page.headings and page.links == original.links
        assert page.history.exists()
    words = Term.objects.filter(language=language)
    assert words.count() == Term.objects.filter(language=languages.default()).count()
    for word in words:
        assert word.translation_of.slug == word.slug
        assert word.source_name == word.translation_of.source_name
        assert word.published and not word.is_checked
    site_text = SiteText.current(language)
    assert site_text.language == language and site_text.is_translation
    assert site_text.worried_now_html and not site_text.is_checked
    guide = Guide.current(language)
    assert guide.translation_of == Guide.current(languages.default())
    assert [q["key"] for q in guide.questions] == [q["key"] for q in guide.english.questions]


@by_language
def test_no_starting_translation_is_behind_its_english(language):
    # The English words the loader keeps are exactly what sign-off compares with.
    rows = [
        *Page.objects.filter(language=language),
        *Term.objects.filter(language=language),
        SiteText.current(language),
        Guide.current(language),
    ]
    assert rows and not [row for row in rows if row.is_behind()]


def test_loading_again_adds_nothing_and_overwrites_nothing():
    page = Page.objects.filter(language=LOADED[0]).first()
    page.title = "A translator's own title"
    page.save()
    made = load_starting_translations(
        lambda name: Page._meta.apps.get_model("content", name),
        languages.translations(),
        languages.default(),
    )
    assert made == {"pages": 0, "terms": 0, "site_texts": 0, "guides": 0}
    assert Page.objects.get(pk=page.pk).title == "A translator's own title"


def test_only_the_languages_asked_for_are_loaded():
    # The migration asks for the settings' languages; a folder for another is left.
    remove_translations()
    get_model = lambda name: Page._meta.apps.get_model("content", name)  # noqa: E731
    assert load_starting_translations(get_model, [], languages.default())["pages"] == 0
    load_starting_translations(get_model, LOADED[:1], languages.default())
    assert set(Page.objects.values_list("language", flat=True)) == {
        languages.default(),
        LOADED[0],
    }
    assert set(language_dirs([*languages.codes(), "xx"])) == set(LOADED)
