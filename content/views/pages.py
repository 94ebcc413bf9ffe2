import re

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from content import languages, navigation, review
from content.feedback import make_token
from content.glossary import first_use_sections
from content.models import Feedback, Page, PageRedirect
from content.questions import questions_section
from content.review import translations
from content.structured_data import medical_web_page
from neuroinfo.response_cache import public_page
from neuroinfo.site import absolute_url

# The home page lists the first pages only (the starting six fit on one
# screen); the rest are on /pages/, a fixed number at a time. Either way a
# request reads a fixed number of rows however many pages there are.
HOME_PAGE_COUNT = 12
PAGES_PER_LIST_PAGE = 20
LIST_FIELDS = ["slug", "title", "summary"]
# A list page's number as our links write it: ASCII digits, no leading zero.
CANONICAL_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def first_pages(count, offset=0):
    """Up to `count` published pages from `offset`, whether more follow, and
    the English list's address when some English page has no translation in
    this language (untranslated_english()): one query, however many pages."""
    rows = Page.objects.published().only(*LIST_FIELDS)
    missing = untranslated_english()
    if missing is not None:
        rows = rows.annotate(english_only=Exists(missing))
    rows = list(rows[offset : offset + count + 1])
    english = False
    if missing is not None:
        english = rows[0].english_only if rows else missing.exists()
    return rows[:count], len(rows) > count, english_list_url() if english else ""


def untranslated_english():
    """In a translation's language, the published English pages with no
    published translation in it (a queryset, not run); None in English.

    A language's lists show only its own pages: a parent reading French
    expects a French list, and an English title among them would read as a
    French page that is not one. Those who read some English are told the
    rest is there, and led to the English list.
    """
    language = languages.current()
    if languages.is_default(language):
        return None
    translated = Page.objects.published(language).filter(translation_of=OuterRef("pk"))
    return Page.objects.published(languages.default()).filter(~Exists(translated)).order_by()


def english_list_url():
    with translation.override(languages.default()):
        return reverse("content:page_list")


@public_page
def home(request):
    pages, more, english_list = first_pages(HOME_PAGE_COUNT)
    return render(
        request,
        "content/home.html",
        {"pages": pages, "more": more, "english_list_url": english_list},
    )


@public_page(query=True)
def page_list(request):
    """Every published page, a list page at a time: /pages/?page=2.

    One address per list page, as the cache of finished pages needs (each
    address it answers with 200 is kept): `?page=02`, `?page=２` (any digits
    but 0-9), `?page=2&page=2` are refused, and `?page=1` redirects to
    `/pages/`, the first list page's only address.
    """
    numbers = request.GET.getlist("page")
    if set(request.GET) - {"page"} or len(numbers) > 1:
        raise Http404("No such list page.")
    if numbers == ["1"]:
        return redirect("content:page_list", permanent=True)
    number = numbers[0] if numbers else "1"
    if not CANONICAL_NUMBER.fullmatch(number):
        raise Http404("No such list page.")
    number = int(number)
    pages, more, english_list = first_pages(PAGES_PER_LIST_PAGE, (number - 1) * PAGES_PER_LIST_PAGE)
    if not pages and number > 1:
        raise Http404("No such list page.")
    return render(
        request,
        "content/page_list.html",
        {
            "pages": pages,
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if more else None,
            "number": number,
            "english_list_url": english_list,
        },
    )


class Untranslated:
    """A page that exists in English but not (or not yet published) in the
    language asked for: answered with a page in that language that says so and
    leads to the English one, never a 404 and never the English words."""

    def __init__(self, english):
        self.english = english


def visible_page(request, slug):
    """The page at `slug` in this request's language; an Untranslated for an
    English page with no translation here; or the redirect from an old address."""
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.in_language() if request.user.is_staff else Page.objects.published()
    page = pages.prefetch_related("sources").filter(slug=slug).first()
    if page is None:
        language = languages.current()
        if not languages.is_default(language):
            english = Page.objects.published(languages.default()).filter(slug=slug).first()
            if english is not None:
                return Untranslated(english)
        return _old_address(request, slug)
    return page


def render_untranslated(request, untranslated, english_url=None):
    english = untranslated.english
    language = languages.current()
    return render(
        request,
        "content/untranslated.html",
        {
            "english": english,
            "english_url": english_url or english.get_absolute_url(),
            "language_name": language_in_sentence(language),
        },
    )


def language_in_sentence(code):
    """The language's name, for a sentence in that same language (a page only
    ever speaks of its own): Django's name for it, which a catalogue may write
    out in its own sentence instead (docs/translating.md)."""
    return translation.get_language_info(code)["name_translated"]


def translation_state(item, english_url=None, made=None):
    """What a translation (a page, or the site texts) says about where it
    stands: its template words it in the page's language. None for English."""
    if item is None or not item.is_translation:
        return None
    return {
        "behind": translations.is_behind(item),
        "english_url": english_url or item.translation_of.get_absolute_url(),
        # The English version it was made from: when that was signed off, or,
        # while the English was unchecked too, when the translation was made.
        "translated_from": item.source_checked_at or made or item.created,
        "language_name": language_in_sentence(item.language),
    }


# Cached for visitors who are not signed in only: a request with a session
# cookie (staff) bypasses the cache, so a staff preview of waiting text is
# never stored. The feedback form's signed token is valid for two days, longer
# than a cached copy lives (PUBLIC_PAGE_CACHE_TIMEOUT, ten minutes).
@public_page
def page_detail(request, slug):
    page = visible_page(request, slug)
    if isinstance(page, Page):
        response = _render_page(request, page)
    elif isinstance(page, Untranslated):
        response = render_untranslated(request, page)
    else:  # the redirect from a moved page's old address
        response = page
    if request.user.is_staff:
        # What staff see depends on who they are (drafts, waiting changes, old
        # addresses of drafts): never for a shared cache.
        patch_cache_control(response, private=True)
    return response


def _render_page(request, page):
    words = None
    preview = None
    if request.user.is_staff:
        change = review.waiting_change(page)
        # Staff see the waiting version, whole and as parents will, unless they
        # ask for the live one. The public never sees waiting text.
        if change and request.GET.get("preview") != "live":
            page = review.kind_of(page).preview(page, change.data)
            words = page.preview_terms
            preview = "waiting"
        elif change:
            preview = "live"
    if words is None:
        words = page.terms.all()
    words = sorted(words, key=lambda term: term.term.casefold())
    # Beside each explanation, a way back to the section the word was met in.
    sections = first_use_sections(page.body_html)
    for term in words:
        term.back = sections.get(term.slug)
    previous, following = navigation.neighbours(page)
    heading, _ = questions_section(page.body_html)
    return render(
        request,
        "content/page_detail.html",
        {
            "page": page,
            "preview": preview,
            "breadcrumbs": navigation.breadcrumbs((page.title, page.get_absolute_url())),
            "related": navigation.related_pages(page),
            "previous": previous,
            "next": following,
            "questions_url": reverse("content:page_questions", args=[page.slug]) if heading else "",
            "structured_data": medical_web_page(
                page, absolute_url(request, page.get_absolute_url())
            ),
            "feedback_token": make_token(page.slug, Feedback.Where.PAGE),
            "words": words,
            "translation_state": translation_state(page),
        },
    )


def _old_address(request, slug):
    """A page that moved keeps its old address working: a permanent redirect."""
    moved = PageRedirect.objects.select_related("page").filter(old_slug=slug).first()
    if moved is None or not (moved.page.is_published or request.user.is_staff):
        raise Http404("No such page.")
    # At the new address in the language asked for (old addresses are the English page's).
    return redirect("content:page", slug=moved.page.slug, permanent=True)
