"""Email each medical reviewer one list of what waits for them, for cron.

`python manage.py review_digest` (say, each weekday morning) sends every
active medical reviewer with an email address ONE email: the changes waiting
for their sign-off (not their own) and the published pages overdue for
review. A reviewer with nothing to do gets nothing. Links need SITE_URL.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from content.review import cycle as review_cycle
from content.review import notify


class Command(BaseCommand):
    help = "Email each medical reviewer what waits for their sign-off and what is overdue."

    def handle(self, *args, **options):
        if not settings.SITE_URL:
            raise CommandError(
                "Set SITE_URL to the site's public address (https://…), so the emails' "
                "links work outside the site."
            )
        overdue = list(review_cycle.overdue(timezone.localdate()))
        emails = []
        for user in notify.reviewers():
            email = notify.digest(user, notify.waiting_for_digest(user), overdue)
            if email is not None:
                emails.append(email)
        failed = notify.deliver(emails)
        sent = len(emails) - len(failed)
        self.stdout.write(f"Sent {sent} digest email{'s' * (sent != 1)}.")
        if failed:
            raise CommandError(
                f"{len(failed)} digest email{'s' * (len(failed) != 1)} could not be sent: "
                "see the warnings above."
            )
