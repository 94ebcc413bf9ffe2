"""Tiny factories with defaults that tests override by keyword."""

import datetime

from django.urls import reverse

from content.models import Page, Term, bump_content_version


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


def make_term(**overrides):
    fields = {
        "term": "test word",
        "slug": "test-word",
        "definition": "A word used in tests.",
        "other_names": "",
    }
    fields.update(overrides)
    return Term.objects.create(**fields)


def page_form_data(page, **changes):
    """The admin change form's data for `page`, with some fields changed."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "status": page.status,
        "order": page.order,
        "body": page.body,
        "review_due": page.review_due.isoformat(),
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


CORPUS_BODY = """## What this page covers {#covers}

Some plain words about one part of the care a child may have, with a link to
[the page about high-risk neuroblastoma](/pages/high-risk/#one-place).

## Questions to ask {#questions}

- What does this mean for my child?
- Who can we call at night?
"""


def make_corpus(count, prefix="generated"):
    """Add `count` published pages (one insert per 500), as if editors wrote them.

    The text is rendered once and shared: bulk_create skips save(), so the
    stored HTML, headings and links are filled in here the way save() would.
    """
    template = Page(body=CORPUS_BODY)
    template.render()
    pages = [
        Page(
            title=f"Generated page {number:05d}",
            slug=f"{prefix}-{number:05d}",
            summary=f"A generated page ({number}) that tests the site at a larger size.",
            body=CORPUS_BODY,
            body_html=template.body_html,
            headings=template.headings,
            links=template.links,
            anchors=template.anchors,
            status=Page.Status.PUBLISHED,
            order=100 + number % 50,
            review_due=datetime.date(2027, 5, 1),
        )
        for number in range(count)
    ]
    Page.objects.bulk_create(pages, batch_size=500)
    bump_content_version()  # bulk_create sends no signals


def admin_url(path=""):
    """An address in the admin, wherever ADMIN_PATH puts it: admin_url("content/page/")."""
    return reverse("admin:index") + path
