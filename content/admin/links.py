"""The admin's side of links between pages: what links to a page, the refusals
that keep parents from following a link to nothing, and what the editor is
told after moving a page. The rules themselves are in content/links.py."""

from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from content import links
from content.locks import lock_guide
from content.models import Answer, Guide, Page


def unpublish_refusal(page, new_status):
    """The sentence refusing to unpublish `page`, or None when nothing links to it."""
    if not page.pk or not page.is_published or new_status == Page.Status.PUBLISHED:
        return None
    linkers = Page.objects.linking_pages(page)
    if not linkers:
        return None
    return (
        f"“{page.title}” cannot be unpublished yet: {links.titles(linkers)} "
        f"{'links' if len(linkers) == 1 else 'link'} to it, and parents following "
        f"{'that link' if len(linkers) == 1 else 'those links'} would find nothing. "
        "Change or remove the links first, then unpublish it."
    )


def deletion_refusals(page):
    """Why `page` cannot be deleted, as sentences for the editor (empty when it can)."""
    reasons = []
    linkers = Page.objects.linking_pages(page)
    if linkers:
        reasons.append(
            f"Published pages link to it: {links.titles(linkers)}. "
            "Change or remove those links first."
        )
    answers = Answer.objects.filter(page=page).select_related("question")
    if answers:
        named = ", ".join(f"“{a.label}” to “{a.question.text}”" for a in answers)
        reasons.append(
            f"The guide leads to it from the answers {named}. Under Questions, send "
            "those answers to another page first."
        )
    live = [
        answer["label"]
        for question in Guide.current().questions
        for answer in question.get("answers", [])
        if answer.get("page_id") == page.pk
    ]
    if live and not answers:
        reasons.append(
            "The guide parents use still leads to it (from the answers "
            f"{', '.join(f'“{label}”' for label in live)}). Have the changed guide signed "
            "off first."
        )
    return reasons


def tell_editor_after_save(request, page, form, stored=None):
    """After a save: say what happens to a new address, which pages still use the
    old one, and warn when a page that published pages link to is not published.

    `stored` is the row as it was before the save (None for a new page): what
    was live decides, not the form, which an editor sees without a status."""
    old_slug = stored.slug if stored is not None else None
    wanted = form.cleaned_data.get("slug", page.slug)
    was_published = stored is not None and stored.is_published
    # At the address that is live, not the one the form asks for.
    linkers = Page.objects.linking_pages(stored if stored is not None else page)
    if old_slug and wanted != old_slug and was_published:
        new_address, old_address = links.Link(wanted).address(), links.Link(old_slug).address()
        messages.info(
            request,
            f"The new address {new_address} waits for sign-off with the text. Once it "
            f"is live, the old address {old_address} will send readers to it, so "
            "bookmarks and links keep working.",
        )
        if linkers:
            messages.warning(
                request,
                f"{links.titles(linkers)} link to {old_address}. Once the new "
                f"address is live, change those links to {new_address} so they do not "
                "depend on the redirect.",
            )
    current = Page.objects.get(pk=page.pk)
    if linkers and not current.is_published:
        messages.warning(
            request,
            f"“{current.title}” is not published, but these pages link to it: "
            f"{links.titles(linkers)}. Parents following those links will see "
            "“Page not found”.",
        )


class PageLinksAdminMixin:
    """What a page's change form shows about links, and the refused delete."""

    @admin.display(description="pages that link here")
    def linked_from(self, page):
        linkers = Page.objects.linking_pages(page) if page.pk else []
        if not linkers:
            return "No published page links here."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a>{}</li>',
                (
                    (
                        reverse("admin:content_page_change", args=[p.pk]),
                        p.title,
                        format_html(
                            " (links to the old address {}: change it to {})",
                            ", ".join(links.Link(s).address() for s in p.old_addresses),
                            links.Link(page.slug).address(),
                        )
                        if p.old_addresses
                        else "",
                    )
                    for p in linkers
                ),
            ),
        )

    @admin.display(description="old addresses")
    def old_addresses(self, page):
        redirects = page.old_addresses.all() if page.pk else []
        old = [links.Link(r.old_slug).address() for r in redirects]
        if not old:
            return "None. If you change the address of a published page, the old one keeps working."
        return ", ".join(old) + " (these send readers here)"

    def get_actions(self, request):
        # Bulk delete would skip the checks below; delete pages one at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @transaction.atomic
    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST":
            # The check below and the delete under one lock (content/locks.py),
            # so an answer pointed at this page meanwhile is seen, not a 500.
            lock_guide()
        page = self.get_object(request, object_id)
        reasons = deletion_refusals(page) if page is not None else []
        if reasons:
            messages.error(request, f"“{page.title}” cannot be deleted yet.")
            for reason in reasons:
                messages.error(request, reason)
            return redirect(reverse("admin:content_page_change", args=[page.pk]))
        return super().delete_view(request, object_id, extra_context)
