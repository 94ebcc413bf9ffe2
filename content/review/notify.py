"""Emails about sign-off: reviewers hear what waits for them, authors hear what
became of their change.

Plain functions with plain arguments, so any kind of text (a page, a site
text, a glossary term, the guide) can use them. Each email is sent after the
database transaction commits, so nobody is told about a save that was rolled
back, and a mail server that is down never fails the save: the failure is
logged (never the email's text) and, when a request is given, the person who
saved is told in the admin.

An email names the item by its title and links to it; it never carries the
text under review, which may be medical advice that nobody has checked yet.
"""

import contextlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse

from content import review
from content.review.roles import REVIEWERS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Email:
    name: str  # the recipient's, for the admin's message if it cannot be sent
    address: str
    subject: str
    body: str


def reviewers():
    """Active medical reviewers who have an email address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=REVIEWERS)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def name_of(user):
    return user.get_full_name() or user.get_username()


def title_of(item):
    if isinstance(item, str):
        return item
    return getattr(item, "title", None) or str(item)


def users(ids):
    """The accounts with these ids (the writers of a change), for the emails."""
    return list(get_user_model().objects.filter(pk__in=ids).order_by("pk"))


def absolute(url, request=None):
    """`url` as a full address: from SITE_URL when set, else from the request."""
    if urlsplit(url).scheme:
        return url
    if settings.SITE_URL:
        return settings.SITE_URL + url
    if request is not None:
        return request.build_absolute_uri(url)
    return url


def _recipients(users, *, besides):
    """Each user once, with an email address, active, and not the person acting."""
    seen, kept = set(), []
    for user in users:
        if user.pk in seen or user.pk == besides.pk or not user.is_active or not user.email:
            continue
        seen.add(user.pk)
        kept.append(user)
    return kept


def _signature():
    return (
        f"\n\n-- \nThis email comes from {settings.SITE_NAME}'s admin. It names the page and "
        "links to it, but never copies its text: read it in the admin."
    )


def deliver(emails, request=None):
    """Send now, each email on its own, over one connection. Never raises.

    Returns the emails that could not be sent. Each failure is logged as a
    warning naming the error and the recipient (never the email's text), and
    added to the admin's messages when `request` is given.
    """
    if not emails:
        return []
    failed = []
    try:
        connection = get_connection()
        connection.open()
    except Exception as error:  # whatever the mail server or the network does
        failed = [(email, error) for email in emails]
    else:
        try:
            for email in emails:
                message = EmailMessage(
                    email.subject, email.body, to=[email.address], connection=connection
                )
                try:
                    message.send()
                except Exception as error:
                    failed.append((email, error))
        finally:
            with contextlib.suppress(Exception):  # closing a broken connection
                connection.close()
    for email, error in failed:
        logger.warning(
            "The email to %s could not be sent: %s: %s",
            email.address,
            type(error).__name__,
            error,
        )
    if failed and request is not None:
        names = _and([email.name for email, _ in failed])
        messages.warning(
            request,
            f"The email to {names} could not be sent (the mail server did not accept it), "
            "so please tell them yourself.",
            fail_silently=True,
        )
    return [email for email, _ in failed]


def _and(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def send_after_commit(emails, request=None):
    """deliver() once the current transaction commits (at once outside one)."""
    if emails:
        transaction.on_commit(lambda: deliver(emails, request))


# --- what happened to a change -----------------------------------------------------------


def tell_reviewers_submitted(request, *, item, editor, review_url, reviewers):
    """One email to each reviewer (but the editor): `item` waits for their sign-off."""
    title, link = title_of(item), absolute(review_url, request)
    send_after_commit(
        [
            Email(
                name_of(user),
                user.email,
                f"[{settings.SITE_NAME}] Waiting for your sign-off: {title}",
                f"Hello {name_of(user)},\n\n"
                f"{name_of(editor)} has changed “{title}” and asks a medical reviewer to "
                "sign it off. Parents will see the change only after that.\n\n"
                f"Read the change and decide here:\n{link}" + _signature(),
            )
            for user in _recipients(reviewers, besides=editor)
        ],
        request,
    )


def tell_authors_sent_back(request, *, item, reviewer, comment, edit_url, authors):
    """Tell the authors that `reviewer` sent their change back, with the comment."""
    title, link = title_of(item), absolute(edit_url, request)
    send_after_commit(
        [
            Email(
                name_of(user),
                user.email,
                f"[{settings.SITE_NAME}] Sent back to you: {title}",
                f"Hello {name_of(user)},\n\n"
                f"{name_of(reviewer)} has sent back the change to “{title}”. Parents "
                "still see the signed-off version.\n\n"
                f"What {name_of(reviewer)} asks you to change:\n\n{comment}\n\n"
                f"Open it to make the change:\n{link}" + _signature(),
            )
            for user in _recipients(authors, besides=reviewer)
        ],
        request,
    )


def tell_authors_signed_off(request, *, item, reviewer, public_url, authors):
    """Tell the authors that `reviewer` signed off their change: parents see it now."""
    title, link = title_of(item), absolute(public_url, request)
    send_after_commit(
        [
            Email(
                name_of(user),
                user.email,
                f"[{settings.SITE_NAME}] Signed off and published: {title}",
                f"Hello {name_of(user)},\n\n"
                f"{name_of(reviewer)} has signed off the change to “{title}”. Parents "
                f"see it now:\n{link}" + _signature(),
            )
            for user in _recipients(authors, besides=reviewer)
        ],
        request,
    )


# --- the digest (manage.py review_digest) --------------------------------------------------


def waiting_for_digest(user):
    """[(title, admin_url)] of what waits for `user` to sign off, oldest first:
    submitted (not drafts, not sent back), and not their own words."""
    return [
        (change.title, review.review_url_of(change))
        for change in review.waiting_for(user)["to_review"]
    ]


def digest(user, waiting, overdue):
    """The digest email for one reviewer, or None when there is nothing to do.

    `waiting` is [(title, admin_url)]; `overdue` a list of pages overdue for review.
    """
    if not waiting and not overdue:
        return None
    parts = [f"Hello {name_of(user)},"]
    if waiting:
        lines = "\n".join(f"- {title}\n  {absolute(url)}" for title, url in waiting)
        parts.append(f"Waiting for your sign-off ({len(waiting)}):\n{lines}")
    if overdue:
        lines = "\n".join(
            f"- {page.title} (review was due {page.review_due:%-d %B %Y})\n"
            f"  {absolute(reverse('admin:content_page_review', args=[page.pk]))}"
            for page in overdue
        )
        parts.append(f"Overdue for review ({len(overdue)}):\n{lines}")
    counts = [
        f"{len(waiting)} waiting" if waiting else "",
        f"{len(overdue)} overdue" if overdue else "",
    ]
    return Email(
        name_of(user),
        user.email,
        f"[{settings.SITE_NAME}] For you to review: {', '.join(c for c in counts if c)}",
        "\n\n".join(parts) + _signature(),
    )
