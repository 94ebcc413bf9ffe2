"""Tiny factories with defaults that tests override by keyword."""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from content import languages, review
from content.models import Guide, Page, Term, bump_content_version
from content.review.kinds import guide_rows_data
from content.review.roles import EDITORS, REVIEWERS
from content.starting.translations import load_starting_translations

PASSWORD = "a-long-test-password"


def make_page(**overrides):
    fields = {
        "title": "A test page",
        "slug": "a-test-page",
        "summary": "A short summary.",
        "body": "## A section {#a-section}\n\nSome plain words.",
        "status": Page.Status.PUBLISHED,
        "review_due": datetime.date(2027, 5, 1),
    }
    fields.update(overrides)
    return Page.objects.create(**fields)


def translate_pages(language):
    """A published row in `language` for every published English page, with
    the English words: for tests of addresses and the interface, not of words."""
    english_pages = Page.objects.published(languages.default())
    for english in english_pages.exclude(translations__language=language):
        Page.objects.create(
            language=language,
            translation_of=english,
            **{name: getattr(english, name) for name in TRANSLATED_PAGE_FIELDS},
        )


TRANSLATED_PAGE_FIELDS = ["slug", "title", "summary", "body", "status", "order", "review_due"]


def make_term(**overrides):
    fields = {
        "term": "test word",
        "slug": "test-word",
        "definition": "A word used in tests.",
        "other_names": "",
        "published": True,  # as if a medical reviewer had signed it off
    }
    fields.update(overrides)
    return Term.objects.create(**fields)


def make_user(username, group=None, **fields):
    """A staff user, in the Editors or Medical reviewers group when `group` names one."""
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, is_staff=True, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name={"editor": EDITORS, "reviewer": REVIEWERS}[group]))
    return user


def page_form_data(page, **changes):
    """The admin change form's data for `page`, with some fields changed.

    Like a freshly opened form, it carries the page's current edit token and
    the text editors work on (the waiting change, if there is one) with its
    sources, which the form always shows as new forms.
    """
    if page.pk is None:  # the add form
        text = {"title": page.title, "summary": page.summary, "body": page.body, "sources": []}
    else:
        text = review.working_data(page)
    data = {
        "edit_token": review.edit_token(page) if page.pk else "",
        "title": text["title"],
        "slug": text.get("slug", page.slug),
        "summary": text["summary"],
        "status": page.status,
        "order": page.order,
        "body": text["body"],
        "review_due": page.review_due.isoformat(),
    }
    data["sources-TOTAL_FORMS"] = len(text["sources"])
    data["sources-INITIAL_FORMS"] = 0
    for i, source in enumerate(text["sources"]):
        data.update({f"sources-{i}-{name}": value for name, value in source.items()})
        data[f"sources-{i}-page"] = page.pk or ""
    data.update(changes)
    return data


CORPUS_BODY = """## What this page covers {#covers}

Some plain words about one part of the care a child may have, with a link to
[the page about high-risk neuroblastoma](/pages/high-risk/#one-place).

## Questions to ask {#questions}

- What does this mean for my child?
- Who can we call at night?
"""


def make_corpus(count, prefix="generated", language=None):
    """Add `count` published pages (one insert per 500), as if editors wrote them.

    The text is rendered once and shared: bulk_create skips save(), so the
    stored HTML, headings and links are filled in here the way save() would.
    In another `language` than English, each page translates the English
    corpus page with its address, where there is one (make that first).
    """
    from content import languages

    language = language or languages.default()
    english = {}
    if not languages.is_default(language):
        english = dict(
            Page.objects.filter(
                language=languages.default(), slug__startswith=f"{prefix}-"
            ).values_list("slug", "pk")
        )
    template = Page(body=CORPUS_BODY)
    template.render()
    title, summary = (
        "Generated page",
        "A generated page ({number}) that tests the site at a larger size.",
    )
    if not languages.is_default(language):  # words in no glossary and in no starting page
        title, summary = f"Page ({language})", "Une page générée ({number}), à plus grande échelle."
    pages = [
        Page(
            title=f"{title} {number:05d}",
            slug=f"{prefix}-{number:05d}",
            summary=summary.format(number=number),
            body=CORPUS_BODY,
            body_html=template.body_html,
            headings=template.headings,
            links=template.links,
            anchors=template.anchors,
            status=Page.Status.PUBLISHED,
            order=100 + number % 50,
            review_due=datetime.date(2027, 5, 1),
            language=language,
            translation_of_id=english.get(f"{prefix}-{number:05d}"),
        )
        for number in range(count)
    ]
    Page.objects.bulk_create(pages, batch_size=500)
    # PostgreSQL's search vectors, which save() would fill.
    Page.objects.fill_missing_search_vectors()
    bump_content_version()  # bulk_create sends no signals


def admin_url(path=""):
    """An address in the admin, wherever ADMIN_PATH puts it: admin_url("content/page/")."""
    return reverse("admin:index") + path


def make_checked_page(**overrides):
    """A page a clinician has signed off."""
    from django.utils import timezone

    fields = {
        "checked_at": timezone.now(),
        "checked_by_role": "Medical reviewer",
        "last_reviewed": datetime.date(2026, 11, 20),
    }
    fields.update(overrides)
    return make_page(**fields)


def second_reviewer():
    """A medical reviewer who wrote nothing: signs off what tests changed."""
    user = get_user_model().objects.filter(username="second-reviewer").first()
    return user or make_user("second-reviewer", "reviewer")


def publish_guide(author=None):
    """Submit the guide's working copy (the Question and Answer rows) and have a
    second medical reviewer sign it off, so parents get it."""
    guide = Guide.current()
    author = author or make_user("guide-author", "reviewer")
    review.save_edit(guide, guide_rows_data(), author, submit=True)
    if review.waiting_change(guide):
        review.sign_off(guide, second_reviewer())


def decide(client, item, data, **kwargs):
    """Post a decision to an item's review screen, naming the version it shows
    (as the screen's form does)."""
    item = type(item).objects.get(pk=item.pk)
    url = review.kind_of(item).review_url(item)
    return client.post(url, {"seen": review.review_token(item), **data}, **kwargs)


def publish_starting_content():
    """After loading the starting content with live models (a transactional test
    empties what migrations made): parents get its guide and glossary words,
    as the migrations give them on a fresh install, and the starting
    translations in every language the settings name (unchecked, published)."""
    Guide.objects.update_or_create(
        language=languages.default(), defaults={"questions": guide_rows_data()["questions"]}
    )
    Term.objects.update(published=True)
    load_starting_translations(
        lambda name: apps.get_model("content", name), languages.translations(), languages.default()
    )


def remove_translations():
    """Leave the English rows alone in the database, as it was before languages
    were kept: for tests that replay data migrations written for English only."""
    from content.models import SiteText

    for model in (Page, Term, SiteText, Guide):
        model.objects.exclude(language=languages.default()).delete()


def stand_in_translations(language=None):
    """A published translation, in `language` (None: every translation), of each
    published English page that has none: the English words under the
    language's address, saved as editors' pages are. For benchmarks on a
    database whose starting translations are not loaded; returns how many."""
    from content import languages

    made = 0
    for code in [language] if language else languages.translations():
        have = Page.objects.filter(language=code).values_list("translation_of_id", flat=True)
        for english in Page.objects.published(languages.default()).exclude(pk__in=list(have)):
            Page.objects.create(
                language=code,
                translation_of=english,
                slug=english.slug,
                title=english.title,
                summary=english.summary,
                body=english.body,
                status=Page.Status.PUBLISHED,
                order=english.order,
                review_due=english.review_due,
            )
            made += 1
    return made
