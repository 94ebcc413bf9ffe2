"""Print the published pages overdue for review or due soon; fail when any is overdue.

For cron: `python manage.py review_report --days 30` exits with status 1 when
a page is overdue, so the job's owner is told.
"""

import argparse

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from content.review import cycle as review_cycle


def days_ahead(value):
    days = int(value)
    if days < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return days


class Command(BaseCommand):
    help = "List published pages overdue for review or due within N days (default 30)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=days_ahead,
            default=review_cycle.SOON_DAYS,
            help="How many days ahead count as due soon (default %(default)s).",
        )

    def handle(self, *args, days, **options):
        today = timezone.localdate()
        overdue = list(review_cycle.overdue(today))
        soon = list(review_cycle.due_within(days, today))
        self.stdout.write(f"Review report for {today:%-d %B %Y}")
        self.stdout.write(f"Overdue: {len(overdue)}")
        for page in overdue:
            late = (today - page.review_due).days
            self.stdout.write(
                f"  OVERDUE  {page.title} ({page.get_absolute_url()}): "
                f"was due {page.review_due:%-d %B %Y}, {late} day{'s' * (late != 1)} ago"
            )
        self.stdout.write(f"Due in the next {days} days: {len(soon)}")
        for page in soon:
            self.stdout.write(
                f"  due      {page.title} ({page.get_absolute_url()}): {page.review_due:%-d %B %Y}"
            )
        if overdue:
            raise CommandError(
                f"{len(overdue)} page{'s are' if len(overdue) != 1 else ' is'} overdue for review."
            )
