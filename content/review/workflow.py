"""Sign-off, history and restore as plain functions, the same for every kind of
text parents read (pages, the site-wide texts, glossary words, the guide).

The row of an item is what parents see. Work on a published item waits in a
Change (a draft, then submitted, perhaps sent back) until a medical reviewer
who wrote none of it signs it off. An item never published is edited in place
(the public cannot see it) and its Change carries the same text and its state.
docs/editors.md tells it in editors' words.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from content import languages
from content.locks import lock_guide
from content.models import Change, ReviewDecision, ReviewerLanguages
from content.review.kinds import kind_of, latest_row_record, one_year_after, user_name
from content.review.roles import REVIEWERS
from content.review.text import normalise_data

SIGN_OFF_PERMISSION = "content.sign_off_page"

__all__ = ["one_year_after", "user_name"]


class ReviewRefused(Exception):
    """A review action that must not happen; the message is for the person who tried."""


@dataclass(frozen=True)
class Version:
    """One entry in an item's history."""

    key: str  # "row-<history id>" or "change-<history id>": stable, used in addresses
    kind: str  # what it was, in words
    when: datetime.datetime
    who: str
    data: dict
    authors: tuple = ()
    note: str = ""
    is_live_version: bool = field(default=False)


# --- reading --------------------------------------------------------------------------------


def _item_filter(item):
    return {"content_type": ContentType.objects.get_for_model(item), "object_id": item.pk}


def waiting_change(item, *, for_update=False):
    """The item's Change, read afresh (it may have been saved or signed off since)."""
    changes = Change.objects.filter(**_item_filter(item)).select_related("saved_by")
    if for_update:
        changes = changes.select_for_update(of=("self",))
    return changes.first()


def live_data(item):
    return kind_of(item).live(item)


def working_data(item):
    """What editors work on: the waiting change if there is one, else the row."""
    change = waiting_change(item)
    return change.data if change else live_data(item)


# The roles parents see beside a sign-off date, kept on the row in English and
# shown in the reader's language (Translatable.checked_by).
MEDICAL_REVIEWER = gettext_noop("Medical reviewer")
SITE_ADMINISTRATOR = gettext_noop("Site administrator")
EDITOR = gettext_noop("Editor")


def role_of(user):
    """The role parents see beside a sign-off date."""
    if user.groups.filter(name=REVIEWERS).exists():
        return MEDICAL_REVIEWER
    if user.is_superuser:
        return SITE_ADMINISTRATOR
    return EDITOR


def can_sign_off(user):
    return user.has_perm(SIGN_OFF_PERMISSION)


def languages_read(user):
    """Every language `user` reads: English, and those their account lists."""
    listed = (
        ReviewerLanguages.objects.filter(user_id=user.pk)
        .values_list("languages", flat=True)
        .first()
        if user.pk
        else None
    )
    return [
        languages.default(),
        *[code for code in languages.translations() if code in (listed or [])],
    ]


def reads(user, language):
    """Whether `user` reads `language` well enough to check a text in it."""
    return languages.is_default(language) or language in languages_read(user)


def language_of(item):
    return getattr(item, "language", None) or languages.default()


def refusal_for_language(user, language):
    """Why `user` may not sign off a text in `language`, or "" if they may."""
    if reads(user, language):
        return ""
    name = languages.english_name(language)
    return (
        f"Only a medical reviewer who reads {name} may sign off this translation. Your "
        f"account does not say you read {name}: ask a reviewer who does, or ask the site's "
        "administrator to add the language to your account if you read it well."
    )


def authors(item):
    """The ids of the people whose words are in what waits for sign-off.

    Only people who saved text: a reviewer who sent it back is not one, and
    words put back by a restore keep their writers."""
    change = waiting_change(item)
    return set(change.authors if change else item.text_authors)


def is_waiting(item):
    """True when there is something for a medical reviewer to sign off."""
    change = waiting_change(item)
    if change:
        return change.is_submitted
    # A live text no clinician has checked, or an item that was never
    # published and has no change of its own (made before changes were kept).
    return not kind_of(item).is_published(item) or not item.is_checked


def review_token(item, change=None):
    """Names the exact version a reviewer is shown: a sign-off of any other is refused."""
    change = change if change is not None else waiting_change(item)
    if change:
        return f"change-{change.pk}-{change.version}"
    return f"row-{latest_row_record(item)}"


def edit_token(item):
    """Changes whenever the item's row or its waiting change is saved: the form
    carries it, and a save made from an older form is refused."""
    change = waiting_change(item)
    version = f"{change.pk}-{change.version}" if change else "0"
    return f"{latest_row_record(item)}.{version}"


def last_save(item):
    """(who, when) of the latest save of the item or its waiting change."""
    records = [item.history.select_related("history_user").first()]
    change = waiting_change(item)
    if change:
        records.append(change.history.select_related("history_user").first())
    latest = max((r for r in records if r), key=lambda r: r.history_date, default=None)
    if latest is None:
        return None, None
    return user_name(latest.history_user), latest.history_date


# --- an editor's save ----------------------------------------------------------------


@transaction.atomic
def save_edit(item, data, user, *, submit=False, reason="", restored_authors=()):
    """Keep an editor's text: on the row as well for an item never published,
    and as the item's waiting change. With `submit`, ask for sign-off.

    Returns "draft", "submitted" or "unchanged"."""
    kind = kind_of(item)
    # As stored now, whatever the caller's copy says.
    item = kind.model.objects.select_for_update().get(pk=item.pk)
    data = normalise_data(data)
    published = kind.is_published(item)
    change = waiting_change(item, for_update=True)
    if published and data == kind.live(item):
        if change:
            change._history_user = user
            change._change_reason = "Put back to the live text"
            change.delete()
        return "unchanged"
    previous = change.data if change else kind.live(item)
    text_changed = data != previous
    writers = {user.pk} | set(restored_authors) if text_changed else set()
    if not published and (text_changed or reason):
        item.text_authors = sorted(set(item.text_authors) | writers)
        kind.write(item, data, user, reason)
    if change is None:
        # An item never published keeps its writers on the row until then.
        change = Change(
            **_item_filter(item),
            language=language_of(item),
            authors=[] if published else list(item.text_authors),
        )
    elif not text_changed and not submit and not reason:
        return "submitted" if change.is_submitted else "draft"
    else:
        change.version += 1
    change.title = kind.title(item, data)
    change.data = data
    change.authors = sorted(set(change.authors) | writers)
    change.saved_by, change.saved_at = user, timezone.now()
    if submit:
        change.state, change.submitted_at = Change.State.SUBMITTED, timezone.now()
    elif text_changed or change.state != Change.State.SUBMITTED:
        change.state = Change.State.DRAFT
    change._history_user = user
    if reason:
        change._change_reason = reason
    change.save()
    return "submitted" if change.is_submitted else "draft"


@transaction.atomic
def submit(item, user):
    """Put the waiting change in the reviewers' queue."""
    change = waiting_change(item, for_update=True)
    if change is None:
        raise ReviewRefused("There is no change to submit: the text is the same as the live one.")
    if not change.is_submitted:
        change.state, change.submitted_at = Change.State.SUBMITTED, timezone.now()
        change.version += 1
        change._history_user = user
        change._change_reason = "Submitted for sign-off"
        change.save()
    return change


@transaction.atomic
def withdraw(item, user):
    """Take a submitted change out of the reviewers' queue; it stays as a draft."""
    change = waiting_change(item, for_update=True)
    if change is None or not change.is_submitted:
        raise ReviewRefused(
            "Nothing of this is waiting for sign-off, so there is nothing to withdraw."
        )
    change.state = Change.State.DRAFT
    change.version += 1
    change._history_user = user
    change._change_reason = "Withdrawn from sign-off"
    change.save()
    return change


# --- decisions -----------------------------------------------------------------------------


def _record(item, decision, user, **fields):
    return ReviewDecision.objects.create(
        **_item_filter(item),
        decision=decision,
        decided_by=user,
        decided_by_name=user_name(user),
        role=role_of(user),
        language=language_of(item),
        decided_at=timezone.now(),
        title=kind_of(item).title(item)[:200],
        **fields,
    )


def _refuse_unless_reviewer(reviewer, action="sign off"):
    if not can_sign_off(reviewer):
        raise ReviewRefused(f"Only a medical reviewer can {action}.")


@transaction.atomic
def sign_off(
    item, reviewer, *, seen=None, comment="", review_due=None, override_reason="", today=None
):
    """Publish what waits for `item` (or confirm its live text) and record who did it.

    `seen` is the review_token of the version the reviewer was shown: if the
    text changed since, nothing is published. Raises ReviewRefused when the
    reviewer may not, or when the guide would strand a parent.
    """
    today = today or timezone.localdate()
    _refuse_unless_reviewer(reviewer)
    refusal = refusal_for_language(reviewer, language_of(item))
    if refusal:
        raise ReviewRefused(refusal)
    # Under one lock with every save the guide's checks read (content/locks.py).
    lock_guide()
    kind = kind_of(item)
    item = kind.model.objects.select_for_update().get(pk=item.pk)
    change = waiting_change(item, for_update=True)
    if seen is not None and seen != review_token(item, change):
        raise ReviewRefused(
            "This text was changed after you opened it, so nothing was published. "
            "Read the newest version below, then decide again."
        )
    if change is not None and not change.is_submitted:
        raise ReviewRefused(
            "You sent this change back: it waits for the editor."
            if change.is_sent_back
            else "This change is a draft: its editor has not submitted it for sign-off yet."
        )
    if change is None and kind.is_published(item) and item.is_checked:
        raise ReviewRefused("Nothing is waiting for sign-off here.")
    override_reason = override_reason.strip()
    writers = set(change.authors if change else item.text_authors)
    self_made = reviewer.pk in writers
    if self_made:
        if not reviewer.is_superuser:
            raise ReviewRefused(
                "You wrote words in this change yourself, so another medical reviewer must "
                "sign it off."
            )
        if not override_reason:
            raise ReviewRefused(
                "You wrote words in this change yourself. Another medical reviewer should "
                "sign it off; as a superuser you may do it yourself only if you give the reason."
            )
    if review_due is not None and review_due <= today:
        raise ReviewRefused("The next review must be due after today.")
    data = change.data if change else kind.live(item)
    if getattr(item, "is_translation", False) and kind.translatable(data) == kind.translatable(
        kind.live(item.translation_of)
    ):
        raise ReviewRefused(
            "These are still the English words: nothing was translated, so there is nothing "
            "to sign off. Send it back to the translator."
        )
    _publish(
        item, data, reviewer, f"Signed off by {user_name(reviewer)}", writers, review_due, today
    )
    if change:
        change._history_user = reviewer
        change._change_reason = f"Signed off by {user_name(reviewer)}"
        change.delete()
    return _record(
        item,
        ReviewDecision.Decision.SIGNED_OFF,
        reviewer,
        comment=comment.strip(),
        override_reason=override_reason if self_made else "",
    )


def _publish(item, data, reviewer, reason, writers, review_due=None, today=None):
    """Put `data` live as checked by `reviewer`, unless the guide would strand a parent."""
    kind = kind_of(item)
    problems = kind.problems(item, data)
    if problems:
        raise ReviewRefused(
            " ".join(["Publishing this would leave the guide unable to help a parent:", *problems])
        )
    kind.mark_checked(item, reviewer, role_of(reviewer), review_due=review_due, today=today)
    if getattr(item, "is_translation", False):
        # The English it now matches: the admin says when the English moves on.
        english = item.translation_of
        item.source_text = kind.translatable(kind.live(english))
        item.source_checked_at = english.checked_at
    item.text_authors = sorted(writers)
    kind.write(item, data, reviewer, reason=reason)


@transaction.atomic
def send_back(item, reviewer, comment, *, seen=None):
    """Return what waits to its editor with the reviewer's comment. The reviewer
    does not become one of its authors, so they may sign off the fix."""
    _refuse_unless_reviewer(reviewer, "send a change back")
    comment = comment.strip()
    if not comment:
        raise ReviewRefused("Say what the editor should change, so they can put it right.")
    change = waiting_change(item, for_update=True)
    if seen is not None and seen != review_token(item, change):
        raise ReviewRefused(
            "This text was changed after you opened it. Read the newest version below, "
            "then decide again."
        )
    if change is None and not kind_of(item).is_published(item):
        # A new item with no change of its own yet: its text goes back as one.
        change = Change(
            **_item_filter(item),
            language=language_of(item),
            data=kind_of(item).live(item),
            authors=list(item.text_authors),
            saved_by=None,
            saved_at=timezone.now(),
            title=kind_of(item).title(item),
        )
    if change:
        change.state = Change.State.SENT_BACK
        change.reviewer_comment = comment
        change.commented_by, change.commented_at = reviewer, timezone.now()
        change.version += 1
        change._history_user = reviewer
        change._change_reason = "Sent back"
        change.save()
    elif kind_of(item).is_published(item) and item.is_checked:
        raise ReviewRefused("Nothing is waiting for sign-off here.")
    return _record(item, ReviewDecision.Decision.SENT_BACK, reviewer, comment=comment)


def sent_back_note(item):
    """The reviewer's comment an editor should see, or None once they saved again."""
    change = waiting_change(item)
    if change and change.is_sent_back:
        return {
            "comment": change.reviewer_comment,
            "by": user_name(change.commented_by),
            "at": change.commented_at,
        }
    return None


def record_unpublished(item, reviewer):
    return _record(item, ReviewDecision.Decision.UNPUBLISHED, reviewer)


# --- history --------------------------------------------------------------------------------


def versions(item):
    """Every version of the item, newest first: what was on the row, and what waited."""
    kind = kind_of(item)
    found = []
    for record, data in kind.row_versions(item):
        published = kind.is_live_record(record)
        found.append(
            Version(
                key=f"row-{record.history_id}",
                kind="Published" if published else "Draft",
                when=record.history_date,
                who=user_name(record.history_user),
                data=data,
                authors=tuple(record.text_authors or ()),
                note=record.history_change_reason or "",
                is_live_version=published,
            )
        )
    change_records = Change.history.filter(**_item_filter(item)).select_related("history_user")
    for record in change_records:
        if record.history_type == "-":
            continue  # the same words as its last save, already listed
        state = Change.State(record.state)
        found.append(
            Version(
                key=f"change-{record.history_id}",
                kind=f"Change: {state.label.lower()}",
                when=record.history_date,
                who=user_name(record.history_user),
                data=record.data,
                authors=tuple(record.authors or ()),
                note=record.history_change_reason or "",
            )
        )
    live = kind.live(item)
    if not any(v.key.startswith("row-") and v.data == live for v in found):
        # A row written before its history was kept (a data migration): what
        # parents see now is a version too.
        found.append(
            Version(
                key="live",
                kind="Live now" if kind.is_published(item) else "Draft",
                when=getattr(item, "updated", None) or timezone.now(),
                who="Unknown (before history was kept)",
                data=live,
                authors=tuple(item.text_authors),
                is_live_version=kind.is_published(item),
            )
        )
    # An item never published is edited on its row and in its change at once:
    # list such a save once.
    kept = []
    for version in sorted(found, key=lambda v: v.when):
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and version.key.startswith("change-")
            and previous.key.startswith("row-")
            and version.data == previous.data
        ):
            continue
        kept.append(version)
    return kept[::-1]


def find_version(item, key):
    return next((v for v in versions(item) if v.key == key), None)


@transaction.atomic
def restore(item, version, user):
    """Make `version`'s text the newest version. Returns "draft", "live" or "unchanged".

    It waits for sign-off like any change, keeping the writers of the words it
    puts back. A medical reviewer who wrote none of a version that was once
    live may put it live at once: that is their decision, recorded as one.
    """
    kind = kind_of(item)
    reason = f"Restored the version of {timezone.localtime(version.when):%-d %B %Y %H:%M}"
    if hasattr(kind, "restore_working"):
        kind.restore_working(item, version.data, user)
    if (
        kind.is_published(item)
        and version.is_live_version
        and can_sign_off(user)
        and reads(user, language_of(item))
        and user.pk not in version.authors
    ):
        lock_guide()
        _publish(item, version.data, user, reason, set(version.authors))
        change = waiting_change(item, for_update=True)
        if change and change.data == normalise_data(version.data):
            change._history_user = user
            change.delete()
        _record(item, ReviewDecision.Decision.RESTORED, user, comment=reason)
        return "live"
    return save_edit(item, version.data, user, reason=reason, restored_authors=version.authors)


# --- what waits, for whom ------------------------------------------------------------------


def waiting_for(user, read=None):
    """What `user` can act on: for a reviewer, submitted changes by others in a
    language they read (oldest first); for everyone, their own drafts and what
    was sent back to them."""
    changes = list(
        Change.objects.select_related("content_type", "saved_by", "commented_by").order_by(
            "saved_at"
        )
    )
    mine = [c for c in changes if user.pk in c.authors]
    read = set(read if read is not None else languages_read(user))
    to_review = [
        c for c in changes if c.is_submitted and user.pk not in c.authors and c.language in read
    ]
    return {
        "to_review": to_review if can_sign_off(user) else [],
        "sent_back": [c for c in mine if c.is_sent_back],
        "drafts": [c for c in mine if c.is_draft],
        "submitted": [c for c in mine if c.is_submitted],
    }


def item_of(change):
    return change.content_type.get_object_for_this_type(pk=change.object_id)


def review_url_of(change):
    """The review screen of a change's item, without reading the item."""
    item = change.content_type.model_class()(pk=change.object_id)
    return kind_of(item).review_url(item)
