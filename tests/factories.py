"""Tiny factories with defaults that tests override by keyword."""

import datetime

from django.urls import reverse

from content.models import Page, Term


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
