"""The review cycle: which published pages are overdue for review or due soon.

Plain functions over the database; the admin's front page, the page list, the
public page and `manage.py review_report` all use them, so they agree.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from content.models import REVIEW_SOON_DAYS, Page

# A review this close is "due soon".
SOON_DAYS = REVIEW_SOON_DAYS


def overdue(today=None):
    """Published pages whose next review date has passed, most overdue first."""
    return Page.objects.published().review_overdue(today).order_by("review_due", "title")


def due_within(days=SOON_DAYS, today=None):
    """Published pages due for review from today to `days` days ahead, soonest first."""
    return Page.objects.published().review_due_within(days, today).order_by("review_due", "title")


def state(page, today=None):
    """ "overdue", "soon" or "ok" for one page."""
    today = today or timezone.localdate()
    if page.review_due < today:
        return "overdue"
    if page.review_due <= today + datetime.timedelta(SOON_DAYS):
        return "soon"
    return "ok"


def check_next_review_date(value, today=None):
    """Refuse a next review date in the past: it would tell parents a review is
    planned that can no longer happen on time."""
    today = today or timezone.localdate()
    if value and value < today:
        raise ValidationError(
            f"The next review date must be today or later. Choose a date after "
            f"{today:%-d %B %Y}: when will a clinician next check this page?"
        )
    return value
