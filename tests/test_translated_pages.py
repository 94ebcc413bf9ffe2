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
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from content import languages, review
from content.models import Feedback, Guide, Page, SiteText, Source, Term
from content.review import translations
from content.starting.translations import (
    STARTING_DIR,
    language_dirs,
    load_starting_translations,
    read_page_file,
)
from neuroinfo import response_cache
from tests.support.factories import make_corpus, make_user, remove_translations, second_reviewer

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
    assert rows and not [row for row in rows if translations.is_behind(row)]


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


# --- every public page type in each language -------------------------------------------


@by_language
def test_every_public_page_type_answers_with_the_translation(client, language):
    page = Page.objects.get(language=language, slug="high-risk")
    term = Term.objects.filter(language=language).first()
    site_text = SiteText.current(language)
    worried = site_text.worried_now.splitlines()[0][:40]
    about = site_text.about.splitlines()[0].lstrip("# ").split(" {#")[0]
    cases = [
        (address(language, "home"), [page.title]),
        (address(language, "page_list"), [page.title]),
        (address(language, "page", page.slug), [page.title, page.summary]),
        (address(language, "page_questions", page.slug), [page.title]),
        (address(language, "glossary"), [term.term, term.definition]),
        (address(language, "about"), [about]),
    ]
    for url, words in cases:
        response = get(client, language, url)
        assert response.status_code == 200, url
        html = text(response)
        for word in [*words, worried]:
            assert word in html, (url, word)
        assert english("high-risk").title not in html or url.endswith("/about/"), url


@by_language
def test_english_pages_show_no_translated_words(client, language):
    html = text(client.get("/pages/high-risk/"))
    assert translated_title(language, "high-risk") not in html
    assert "Translated from the English version" not in html


@by_language
def test_feedback_on_a_translated_page_is_kept_against_that_page(client, language):
    from content.feedback import make_token

    page = Page.objects.get(language=language, slug="cns")
    token = make_token(page.slug, Feedback.Where.PAGE)
    with translation.override(language):
        response = client.post(
            address(language, "feedback"),
            {"token": token, "helpful": "yes", "comment": ""},
            headers={"Origin": "http://testserver"},
        )
    assert response.status_code == 302
    assert Feedback.objects.get().page == page


# --- what a translated page says about where it stands ------------------------------------


@by_language
def test_an_unchecked_translation_says_from_which_english_and_that_no_clinician_checked_it(
    client, language
):
    page = Page.objects.get(language=language, slug="cns")
    with translation.override(language):
        response = client.get(page.get_absolute_url())
        expected = translation.gettext(
            "Translated from the English version of %(date)s. A clinician who reads "
            "%(language)s has not yet checked this translation."
        )
    html = text(response)
    assert 'id="translation-state"' in html
    assert expected.split("%(date)s")[0].strip() in html
    assert "may be behind" not in html and "It may be behind" not in html


@by_language
def test_a_checked_translation_shows_the_usual_checked_by_line(client, language):
    page = Page.objects.get(language=language, slug="cns")
    page.checked_at = timezone.now()
    page.checked_by_role = "Medical reviewer"
    page.last_reviewed = timezone.localdate()
    page.review_due = page.last_reviewed.replace(year=page.last_reviewed.year + 1)
    page.save()
    html = text(get(client, language, page.get_absolute_url()))
    assert "Medical reviewer" in html
    assert 'id="translation-state"' not in html


@by_language
def test_after_an_english_sign_off_the_cached_translation_says_it_may_be_behind(client, language):
    original = english("cns")
    translated = Page.objects.get(language=language, slug="cns")
    url = translated.get_absolute_url()
    first = get(client, language, url)
    assert 'id="translation-state"' in text(first)
    assert "English page has changed" not in text(first)
    english_first = client.get(original.get_absolute_url())
    assert translated.title not in text(english_first)

    sign_off_english_change(original, summary=original.summary + " Ask the team.")
    assert translations.is_behind(Page.objects.get(pk=translated.pk))
    response_cache.forget_version()  # another second: the new content version is read

    html = text(get(client, language, url))
    with translation.override(language):
        behind = translation.gettext(
            "The English page has changed since this translation was made. It may be behind "
            "the English."
        )
    assert behind in html
    assert f'href="{original.get_absolute_url()}"' in html
    # English readers get the English page, not the French one from the cache.
    assert original.summary + " Ask the team." in text(client.get(original.get_absolute_url()))


# --- a page with no translation ---------------------------------------------------------


@by_language
def test_a_page_with_no_translation_says_so_in_the_language_and_links_to_the_english(
    client, language
):
    original = english("cns")
    Page.objects.filter(language=language, slug="cns").delete()
    response = get(client, language, address(language, "page", "cns"))
    assert response.status_code == 200
    html = text(response)
    assert f'href="{original.get_absolute_url()}"' in html
    assert original.body.splitlines()[0][:40] not in html  # never the English words
    assert 'name="robots" content="noindex"' in html
    # The questions sheet too, leading to the English sheet.
    sheet = get(client, language, address(language, "page_questions", "cns"))
    assert sheet.status_code == 200
    assert f'href="{original.get_absolute_url()}questions/"' in text(sheet)


@by_language
def test_a_draft_translation_is_not_shown_to_parents(client, language):
    Page.objects.filter(language=language, slug="cns").update(status=Page.Status.DRAFT)
    html = text(get(client, language, address(language, "page", "cns")))
    assert translated_title(language, "cns") not in html


@by_language
def test_an_address_that_is_in_no_language_is_not_found(client, language):
    assert get(client, language, address(language, "page", "no-such-page")).status_code == 404


@by_language
def test_lists_say_when_some_pages_are_only_in_english(client, language):
    html = text(get(client, language, address(language, "page_list")))
    assert "english-only" not in html
    Page.objects.filter(language=language, slug="cns").delete()
    for name in ("home", "page_list"):
        html = text(get(client, language, address(language, name)))
        assert 'class="english-only"' in html
        assert f'href="{address(languages.default(), "page_list")}"' in html
        assert english("cns").title not in html


# --- links inside a translation stay in its language ------------------------------------


@by_language
def test_internal_links_in_a_translation_lead_to_pages_in_its_language(client, language):
    page = Page.objects.get(language=language, slug="cns")
    assert "clinical-trials" in page.links[0] or page.links
    target = address(language, "page", "clinical-trials")
    assert f'href="/{language}/pages/clinical-trials/"' in page.body_html
    # Stored links keep the English addresses, for link checks and related pages.
    assert all(not link.startswith("/") for link in page.links)
    html = text(get(client, language, page.get_absolute_url()))
    assert f'href="/{language}/pages/clinical-trials/"' in html
    if target.startswith(f"/{language}/"):  # with the language prefixes in the URLconf
        assert client.get(target).status_code == 200


def test_a_translation_saved_again_keeps_its_links_in_its_language():
    page = Page.objects.filter(language=LOADED[0], body__contains="](/pages/").first()
    page.body += "\n\nSee [the list](/pages/) and [a section](/pages/cns/#treatment).\n"
    page.save()
    page.refresh_from_db()
    assert f'href="/{page.language}/pages/"' in page.body_html
    assert f'href="/{page.language}/pages/cns/#treatment"' in page.body_html
    assert "cns#treatment" in page.links


def test_english_links_are_left_as_they_are():
    page = english("cns")
    assert 'href="/pages/clinical-trials/"' in page.body_html


def test_links_to_the_admin_or_outside_are_not_given_a_language():
    from content.rendering import localise_links

    html = (
        '<a href="/admin/">a</a><a href="https://example.org/pages/x/">b</a>'
        '<a href="/static/x.css">c</a><a href="/es/pages/x/">d</a><a href="/">e</a>'
    )
    out = localise_links(html, "fr")
    assert '"/admin/"' in out and '"https://example.org/pages/x/"' in out
    assert '"/static/x.css"' in out and '"/es/pages/x/"' in out and '"/fr/"' in out
    assert localise_links(html, languages.default()) == html


# --- cost ------------------------------------------------------------------------------------


def uncached_queries(client, language, url):
    caches["default"].clear()
    response_cache.forget_version()
    with translation.override(language), CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@by_language
def test_translated_pages_cost_the_same_at_6_and_at_1000_pages(client, language):
    urls = [
        address(language, "home"),
        address(language, "page_list"),
        address(language, "page", "high-risk"),
        address(language, "page_questions", "high-risk"),
        address(language, "glossary"),
        address(language, "about"),
    ]
    small = {url: uncached_queries(client, language, url) for url in urls}
    make_corpus(1000)
    # A thousand translations beside them too.
    for page in Page.objects.filter(language=languages.default(), slug__startswith="generated")[
        :1000
    ]:
        Page.objects.create(
            language=language,
            translation_of=page,
            slug=page.slug,
            title=f"{page.title} ({language})",
            summary=page.summary,
            body=page.body,
            status=Page.Status.PUBLISHED,
            review_due=page.review_due,
        )
    assert {url: uncached_queries(client, language, url) for url in urls} == small
    assert Source.objects.exists()
