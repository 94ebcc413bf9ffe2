"""Sign-off, history and restore as plain functions (the admin calls these).

The Page row (title, summary, body, body_html, sources) is always what parents
see. An editor's change to a published page waits in a PageChange until a
medical reviewer signs it off; a draft is edited in place (the public cannot
see it) and is published only by a sign-off. Every saved wording is in
django-simple-history: the Page's and Source's history for what was on the
row, PageChange's history for what waited.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from content import guide
from content.models import Page, PageChange, ReviewDecision, Source, Term

EDITORS = "Editors"
REVIEWERS = "Medical reviewers"
SIGN_OFF_PERMISSION = "content.sign_off_page"
TEXT_FIELDS = ("title", "summary", "body")
SOURCE_DATES = ("date", "accessed")


class ReviewRefused(Exception):
    """A review action that must not happen; the message is for the person who tried."""


# --- the text of a page, wherever it is kept ---------------------------------------


def source_dict(source):
    """A Source (or a historical one, or a form's cleaned data) as plain JSON data."""
    if isinstance(source, dict):
        get = source.get
    else:

        def get(name):
            return getattr(source, name, None)

    data = {
        "organisation": get("organisation") or "",
        "title": get("title") or "",
        "url": get("url") or "",
        "order": int(get("order") or 0),
    }
    for name in SOURCE_DATES:
        value = get(name)
        data[name] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
    return data


def source_from_dict(page, data):
    """An unsaved Source from source_dict's data."""
    dates = {
        name: datetime.date.fromisoformat(data[name]) if data.get(name) else None
        for name in SOURCE_DATES
    }
    return Source(page=page, **{**data, **dates})


def sorted_sources(sources):
    return tuple(sorted((source_dict(s) for s in sources), key=lambda s: s["order"]))


@dataclass(frozen=True)
class Text:
    """What a version of a page says: what parents would read."""

    title: str
    summary: str
    body: str
    sources: tuple = ()

    def as_row(self):
        return (self.title, self.summary, self.body)

    def same_as(self, other):
        return (self.title, self.summary, self.body, self.sources) == (
            other.title,
            other.summary,
            other.body,
            other.sources,
        )


@dataclass(frozen=True)
class Version:
    """One entry in a page's history."""

    key: str  # "page-<history id>" or "change-<history id>": stable, used in addresses
    kind: str  # what it was, in words
    when: datetime.datetime
    who: str
    text: Text
    note: str = ""
    is_live_version: bool = field(default=False)


# What a page that was never published said: a new page's review shows every word as added.
EMPTY = Text("", "", "")


def live_text(page):
    return Text(page.title, page.summary, page.body, sorted_sources(page.sources.all()))


def waiting_change(page):
    # Read afresh: Django caches a missing reverse one-to-one on the instance,
    # and a change may have been saved or signed off since.
    return PageChange.objects.filter(page_id=page.pk).select_related("saved_by").first()


def change_text(change):
    return Text(change.title, change.summary, change.body, sorted_sources(change.sources))


def working_text(page):
    """What editors work on: the waiting change if there is one, else the page."""
    change = waiting_change(page)
    return change_text(change) if change else live_text(page)


def user_name(user):
    if user is None:
        return "Unknown (before history was kept)"
    return user.get_full_name() or user.get_username()


def role_of(user):
    """The role parents see beside a sign-off date."""
    if user.groups.filter(name=REVIEWERS).exists():
        return "Medical reviewer"
    if user.is_superuser:
        return "Site administrator"
    return "Editor"


def can_sign_off(user):
    return user.has_perm(SIGN_OFF_PERMISSION)


# --- an editor's save ----------------------------------------------------------------


@transaction.atomic
def save_edit(page, text, user, reason=""):
    """Keep an editor's text: on the row for a draft, as a waiting change for a
    published page. Returns "draft", "waiting" or "unchanged"."""
    if not page.is_published:
        row = (page.title, page.summary, page.body)
        _write_text(page, text, user, reason, save_page=row != text.as_row() or bool(reason))
        return "draft"
    change = waiting_change(page)
    if text.same_as(live_text(page)):
        if change:
            change._history_user = user
            change._change_reason = "Put back to the live text"
            change.delete()
        return "unchanged"
    if change and text.same_as(change_text(change)) and not change.is_sent_back and not reason:
        return "waiting"  # nothing new (say, only the order changed): keep its authors as they are
    change = change or PageChange(page=page)
    change.title, change.summary, change.body = text.title, text.summary, text.body
    change.sources = list(text.sources)
    change.state = PageChange.State.WAITING
    change.saved_by, change.saved_at = user, timezone.now()
    change._history_user = user
    if reason:
        change._change_reason = reason
    change.save()
    return "waiting"


def _write_text(page, text, user, reason="", save_page=True):
    """Copy `text` onto the Page row and its sources (each save kept in history)."""
    page.title, page.summary, page.body = text.as_row()
    page._history_user = user
    if reason:
        page._change_reason = reason
    if save_page:
        page.save()
    if sorted_sources(page.sources.all()) != text.sources:
        for source in page.sources.all():
            source._history_user = user
            source.delete()
        for data in text.sources:
            source = source_from_dict(page, data)
            source._history_user = user
            source.save()


# --- who wrote what is waiting ---------------------------------------------------------


def _text_records(records):
    """The records, oldest first, that changed the text (not only a date or the order)."""
    previous = None
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        text = tuple(getattr(record, f) for f in TEXT_FIELDS)
        if text != previous:
            yield record
        previous = text


def authors(page):
    """The ids of the people who wrote the text that is waiting for sign-off."""
    change = waiting_change(page)
    if change:
        return {r.history_user_id for r in change.history.all() if r.history_user_id}
    since = page.checked_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)
    records = page.history.all()
    wrote = {
        r.history_user_id
        for r in _text_records(records)
        if r.history_date > since and r.history_user_id
    }
    sources = Source.history.filter(page_id=page.pk, history_date__gt=since)
    return wrote | {r.history_user_id for r in sources if r.history_user_id}


def is_waiting(page):
    """True when there is something for a medical reviewer to sign off."""
    return waiting_change(page) is not None or not page.is_published or not page.is_checked


def waiting_pages():
    """Querysets of what has something to sign off: changes to published pages
    (oldest first), new pages, and published pages no clinician has checked yet."""
    return {
        "changes": PageChange.objects.select_related("page", "saved_by").order_by(
            "state", "saved_at"
        ),
        "drafts": Page.objects.exclude(status=Page.Status.PUBLISHED)
        .filter(waiting_change__isnull=True)
        .order_by("updated"),
        "unchecked": Page.objects.published()
        .filter(checked_at__isnull=True, waiting_change__isnull=True)
        .order_by("order", "title"),
    }


# --- decisions -----------------------------------------------------------------------------


def one_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _guide_problems_if(page, text):
    """Problems the guide would newly have if `text` went live on `page`."""
    before = guide.load_questionnaire()
    after_page = Page(
        slug=page.slug,
        title=text.title,
        summary=text.summary,
        body=text.body,
        status=Page.Status.PUBLISHED,
    )
    after_page.render()  # the headings and links the guide reads
    after = guide.with_page(before, guide.page_info(after_page), page.slug)
    old = set(guide.problems(before))
    return [p for p in guide.problems(after) if p not in old]


def _record(page, decision, user, **fields):
    return ReviewDecision.objects.create(
        page=page,
        decision=decision,
        decided_by=user,
        decided_by_name=user_name(user),
        role=role_of(user),
        decided_at=timezone.now(),
        title=page.title,
        **fields,
    )


@transaction.atomic
def sign_off(page, reviewer, *, comment="", review_due=None, override_reason="", today=None):
    """Publish what is waiting for `page` (or confirm its live text) and record who did it.

    Raises ReviewRefused when the reviewer may not, or when the guide would
    strand a parent.
    """
    today = today or timezone.localdate()
    if not can_sign_off(reviewer):
        raise ReviewRefused("Only a medical reviewer can sign off a page.")
    override_reason = override_reason.strip()
    self_made = reviewer.pk in authors(page)
    if self_made:
        if not reviewer.is_superuser:
            raise ReviewRefused(
                "You made this change yourself, so another medical reviewer must sign it off."
            )
        if not override_reason:
            raise ReviewRefused(
                "You made this change yourself. Another medical reviewer should sign it off; "
                "as a superuser you may do it yourself only if you give the reason."
            )
    if review_due is not None and review_due <= today:
        raise ReviewRefused("The next review must be due after today.")
    change = waiting_change(page)
    text = change_text(change) if change else live_text(page)
    _publish(page, text, reviewer, f"Signed off by {user_name(reviewer)}", review_due, today)
    if change:
        change._history_user = reviewer
        change._change_reason = f"Signed off by {user_name(reviewer)}"
        change.delete()
    return _record(
        page,
        ReviewDecision.Decision.SIGNED_OFF,
        reviewer,
        comment=comment.strip(),
        override_reason=override_reason if self_made else "",
    )


def _publish(page, text, reviewer, reason, review_due=None, today=None):
    """Put `text` live as checked by `reviewer`, unless the guide would strand a parent."""
    today = today or timezone.localdate()
    problems = _guide_problems_if(page, text)
    if problems:
        raise ReviewRefused(
            " ".join(["Publishing this would leave the guide unable to help a parent:", *problems])
        )
    page.status = Page.Status.PUBLISHED
    page.checked_at = timezone.now()
    page.checked_by_role = role_of(reviewer)
    page.last_reviewed = today
    page.review_due = review_due or one_year_after(today)
    _write_text(page, text, reviewer, reason=reason)


@transaction.atomic
def send_back(page, reviewer, comment):
    """Return what is waiting to its editor with the reviewer's comment."""
    if not can_sign_off(reviewer):
        raise ReviewRefused("Only a medical reviewer can send a change back.")
    comment = comment.strip()
    if not comment:
        raise ReviewRefused("Say what the editor should change, so they can put it right.")
    change = waiting_change(page)
    if change:
        change.state = PageChange.State.SENT_BACK
        change.reviewer_comment = comment
        change.commented_by, change.commented_at = reviewer, timezone.now()
        change._history_user = reviewer
        change._change_reason = "Sent back"
        change.save()
    elif page.is_published and page.is_checked:
        raise ReviewRefused("Nothing is waiting for sign-off on this page.")
    return _record(page, ReviewDecision.Decision.SENT_BACK, reviewer, comment=comment)


def sent_back_note(page):
    """The reviewer's comment an editor should see, or None once they have saved again."""
    change = waiting_change(page)
    if change:
        if change.is_sent_back:
            return {
                "comment": change.reviewer_comment,
                "by": user_name(change.commented_by),
                "at": change.commented_at,
            }
        return None
    latest = page.decisions.first()
    sent_back = latest and latest.decision == ReviewDecision.Decision.SENT_BACK
    # Once the editor saves the draft again, it is waiting once more.
    if sent_back and latest.decided_at >= page.updated:
        return {
            "comment": latest.comment,
            "by": latest.decided_by_name,
            "at": latest.decided_at,
        }
    return None


def record_unpublished(page, reviewer):
    return _record(page, ReviewDecision.Decision.UNPUBLISHED, reviewer)


# --- history --------------------------------------------------------------------------------


def _sources_at(records, moment):
    """The sources as they stood at `moment`, from their history records (oldest first)."""
    latest = {}
    for record in records:
        if record.history_date > moment:
            break
        latest[record.id] = record
    return sorted_sources(r for r in latest.values() if r.history_type != "-")


def versions(page):
    """Every version of the page, newest first: what was on the row, and what waited."""
    found = []
    page_records = list(page.history.select_related("history_user").order_by("history_date"))
    source_records = list(
        Source.history.filter(page_id=page.pk).order_by("history_date", "history_id")
    )
    for i, record in enumerate(page_records):
        # Sources are saved just after their page: a version's sources are
        # those that stood until the next save of the page.
        until = (
            page_records[i + 1].history_date - datetime.timedelta(microseconds=1)
            if i + 1 < len(page_records)
            else timezone.now()
        )
        status = "Published" if record.status == Page.Status.PUBLISHED else "Draft"
        found.append(
            Version(
                key=f"page-{record.history_id}",
                kind=f"{status} page",
                when=record.history_date,
                who=user_name(record.history_user),
                text=Text(
                    record.title, record.summary, record.body, _sources_at(source_records, until)
                ),
                note=record.history_change_reason or "",
                is_live_version=record.status == Page.Status.PUBLISHED,
            )
        )
    change_records = PageChange.history.filter(page_id=page.pk).select_related("history_user")
    for record in change_records:
        if record.history_type == "-":
            continue  # the same words as its last save, already listed
        kind = "Change sent back" if record.state == PageChange.State.SENT_BACK else "Change"
        found.append(
            Version(
                key=f"change-{record.history_id}",
                kind=f"{kind} waiting for sign-off",
                when=record.history_date,
                who=user_name(record.history_user),
                text=Text(
                    record.title, record.summary, record.body, sorted_sources(record.sources)
                ),
                note=record.history_change_reason or "",
            )
        )
    return sorted(found, key=lambda v: v.when, reverse=True)


def find_version(page, key):
    return next((v for v in versions(page) if v.key == key), None)


@transaction.atomic
def restore(page, version, user):
    """Make `version`'s text the newest version. Returns "draft", "waiting" or "live".

    A draft takes it at once; for a published page it waits for sign-off,
    unless a medical reviewer restores a version that was once live, which
    is their decision and is recorded as one. Raises ReviewRefused when that
    would strand a parent in the guide.
    """
    reason = f"Restored the version of {timezone.localtime(version.when):%-d %B %Y %H:%M}"
    if page.is_published and version.is_live_version and can_sign_off(user):
        # The reviewer chose this text for parents: that is their check of it,
        # with its dates, like a sign-off (and refused like one if it would
        # strand a parent). An editor's waiting change stays waiting.
        _publish(page, version.text, user, reason)
        _record(page, ReviewDecision.Decision.RESTORED, user, comment=reason)
        return "live"
    return save_edit(page, version.text, user, reason)


# --- no lost edits -------------------------------------------------------------------------


def edit_token(page):
    """Changes whenever the page or its waiting change is saved: the form carries it,
    and a save made from an older form is refused."""
    page_id = page.history.order_by("-history_id").values_list("history_id", flat=True).first()
    change_id = (
        PageChange.history.filter(page_id=page.pk)
        .order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
    )
    return f"{page_id or 0}.{change_id or 0}"


def last_save(page):
    """(who, when) of the latest save of the page or its waiting change."""
    records = [
        page.history.select_related("history_user").first(),
        PageChange.history.filter(page_id=page.pk).select_related("history_user").first(),
    ]
    latest = max((r for r in records if r), key=lambda r: r.history_date, default=None)
    if latest is None:
        return None, None
    return user_name(latest.history_user), latest.history_date


def preview_page(page, text):
    """An unsaved copy of `page` showing `text`, for staff to see exactly what
    parents would: the same template reads it as it reads the real page."""
    preview = Page.objects.get(pk=page.pk)
    preview.title, preview.summary, preview.body = text.title, text.summary, text.body
    used = preview.render(Term.objects.glossary())
    # The "Words on this page" list for the waiting text, not the live one.
    preview.preview_terms = list(Term.objects.filter(pk__in=used))
    sources = Source.objects.none()
    # Templates read page.sources.all(), which returns a prefetched result as
    # it is: hand them these unsaved sources without touching the database.
    sources._result_cache = [source_from_dict(preview, s) for s in text.sources]
    sources._prefetch_done = True
    preview._prefetched_objects_cache = {"sources": sources}
    return preview
