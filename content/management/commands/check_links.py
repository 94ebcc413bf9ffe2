"""Check every internal link on every published page; fail on a broken one.

A link to another page must reach a published page, and a link to a section
(#id) must reach a heading with that id. A link to an old address still works
(it redirects) and is listed, but does not fail the check.
"""

from django.core.management.base import BaseCommand, CommandError

from content.models import Page


class Command(BaseCommand):
    help = "Check the internal links (pages and #sections) of every published page."

    def handle(self, *args, **options):
        broken, old, checked = Page.objects.check_published_links()
        for link in old:
            self.stdout.write(f"OLD ADDRESS  {link} (it still works; change the link)")
        for link in broken:
            self.stdout.write(f"BROKEN  {link}")
        if broken:
            raise CommandError(
                f"{len(broken)} of {checked} internal links are broken "
                f"(listed above). Fix them in the admin."
            )
        self.stdout.write(f"All {checked} internal links on published pages work.")
