"""The admin's side of sign-off and history, mixed into PageAdmin.

Views: the list of what is waiting, a page's review (the waiting text against
the live text, sign off or send back), its history (every version, a diff
between any two, a one-step restore). The decisions are plain functions in
content/review.py; these views only ask and show.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from content import review
from content.diff import diff_texts
from content.models import Page, Source


class WaitingFilter(admin.SimpleListFilter):
    title = "sign-off"
    parameter_name = "sign_off"

    def lookups(self, request, model_admin):
        return [
            ("waiting", "Changes waiting for sign-off"),
            ("new", "New pages (not yet published)"),
            ("unchecked", "Published, never checked by a clinician"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(waiting_change__isnull=False)
        if self.value() == "new":
            return queryset.exclude(status=Page.Status.PUBLISHED)
        if self.value() == "unchecked":
            return queryset.published().filter(checked_at__isnull=True)
        return queryset


def text_from_forms(form, formsets):
    """The text an editor submitted: the page form's title, summary and body, and
    the sources left in the sources formset."""
    sources = []
    for formset in formsets:
        if formset.model is not Source:
            continue
        for source_form in formset.forms:
            data = getattr(source_form, "cleaned_data", None)
            if not data or formset._should_delete_form(source_form):
                continue
            sources.append(data)
    data = form.cleaned_data
    return review.Text(data["title"], data["summary"], data["body"], review.sorted_sources(sources))


class SignOffForm(forms.Form):
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. Kept with the record of your sign-off.",
    )
    review_due = forms.DateField(
        label="Next review due",
        required=False,
        help_text="Leave empty for one year from today.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    override_reason = forms.CharField(
        label="Reason for signing off your own change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Superusers only, when no other medical reviewer can. It is recorded.",
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What should the editor change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the editor should change, so they can put it right."},
    )


class PageReviewMixin:
    """Sign-off and history for PageAdmin."""

    # --- the change form and the list ------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("waiting_change")

    @admin.display(description="status", ordering="status")
    def status_and_sign_off(self, page):
        # One column for both, so the page list still fits at 1280px.
        state = self.waiting(page)
        if not state:
            return page.get_status_display()
        return format_html("{}<br>{}", page.get_status_display(), state)

    def waiting(self, page):
        # get_queryset joined the waiting change: read it from the row, not the database.
        change = getattr(page, "waiting_change", None) if page.pk else None
        if change:
            return "Sent back" if change.is_sent_back else "Changes waiting for sign-off"
        if not page.is_published:
            return "New: waiting for sign-off"
        return "" if page.is_checked else "Never checked"

    @admin.display(description="history")
    def earlier_versions(self, page):
        if not page.pk:
            return "None yet: each save is kept."
        url = reverse("admin:content_page_history", args=[page.pk])
        return format_html('<a href="{}">Every version, compare and restore</a>', url)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        change = review.waiting_change(obj) if obj is not None and obj.pk else None
        if change and inline.model is Source:
            # Show the waiting sources, as new forms: they are not Source rows yet.
            kwargs["queryset"] = Source.objects.none()
            if request.method != "POST":
                kwargs["initial"] = [dict(s) for s in review.change_text(change).sources]
        return kwargs

    def save_page_settings(self, request, obj, form, change):
        """Save what goes straight onto the row. A published page's text waits for
        sign-off (save_related); its address, order, review date and related
        pages (navigation, not medical text) do not."""
        stored = Page.objects.filter(pk=obj.pk).first() if change else None
        if stored is None or not stored.is_published:
            obj.save()  # a draft: the public cannot see it, so it is edited in place
            return
        changed = [
            f
            for f in ("slug", "order", "review_due", "status")
            if getattr(stored, f) != getattr(obj, f)
        ]
        for name in changed:
            setattr(stored, name, getattr(obj, name))
        if changed:
            stored.save()
        if not stored.is_published:
            review.record_unpublished(stored, request.user)

    def save_related(self, request, form, formsets, change):
        # The sources are part of the text: review.save_edit keeps them with it.
        # The form's many-to-many fields (related pages) go straight onto the row.
        form.save_m2m()
        page = Page.objects.get(pk=form.instance.pk)
        outcome = review.save_edit(page, text_from_forms(form, formsets), request.user)
        request.page_saved_as = outcome

    def construct_change_message(self, request, form, formsets, add=False):
        # The sources formset is never saved as such (save_related), so it has
        # nothing to report; the history records the sources' changes.
        return super().construct_change_message(request, form, [], add)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        outcome = getattr(request, "page_saved_as", None)
        if outcome == "waiting" and level == messages.SUCCESS:
            message = (
                "Your changes are saved and waiting for sign-off by a medical reviewer. "
                "Parents still see the signed-off version."
            )
        elif outcome == "unchanged" and level == messages.SUCCESS:
            message = "Saved. The text is the same as the live page, so nothing is waiting."
        super().message_user(request, message, level, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        page = self.get_object(request, object_id)
        if page is not None:
            extra_context = {**(extra_context or {}), **self.review_context(request, page)}
        return super().change_view(request, object_id, form_url, extra_context)

    def review_context(self, request, page):
        change = review.waiting_change(page)
        return {
            "waiting_change": change,
            "is_waiting": review.is_waiting(page),
            "sent_back": review.sent_back_note(page),
            "can_sign_off": review.can_sign_off(request.user),
            "review_url": reverse("admin:content_page_review", args=[page.pk]),
            "versions_url": reverse("admin:content_page_history", args=[page.pk]),
        }

    # --- views -----------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("waiting/", view(self.waiting_view), name="content_page_waiting"),
            path("<int:page_id>/review/", view(self.review_view), name="content_page_review"),
            path(
                "<int:page_id>/history/compare/",
                view(self.compare_view),
                name="content_page_compare",
            ),
            path(
                "<int:page_id>/history/<str:key>/restore/",
                view(self.restore_view),
                name="content_page_restore",
            ),
            *super().get_urls(),
        ]

    def _page(self, request, page_id, *, change=False):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise Http404("No page with that number.")
        allowed = (
            self.has_change_permission(request, page)
            if change
            else self.has_view_or_change_permission(request, page)
        )
        if not allowed:
            raise PermissionDenied
        return page

    def _render(self, request, template, page=None, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "page": page,
                "original": page,
                **context,
            },
        )

    def waiting_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return self._render(
            request,
            "admin/content/page/waiting.html",
            title="Waiting for sign-off",
            waiting=review.waiting_pages(),
            can_sign_off=review.can_sign_off(request.user),
        )

    def review_view(self, request, page_id):
        page = self._page(request, page_id)
        sign_off_form, send_back_form = SignOffForm(), SendBackForm()
        if request.method == "POST":
            if not review.can_sign_off(request.user):
                raise PermissionDenied
            if "send_back" in request.POST:
                send_back_form = SendBackForm(request.POST)
                if send_back_form.is_valid():
                    try:
                        review.send_back(page, request.user, send_back_form.cleaned_data["comment"])
                    except review.ReviewRefused as refusal:
                        send_back_form.add_error(None, str(refusal))
                    else:
                        messages.success(request, f"“{page.title}” was sent back to the editor.")
                        return redirect("admin:content_page_waiting")
            else:
                sign_off_form = SignOffForm(request.POST)
                if sign_off_form.is_valid():
                    try:
                        review.sign_off(page, request.user, **sign_off_form.cleaned_data)
                    except review.ReviewRefused as refusal:
                        sign_off_form.add_error(None, str(refusal))
                    else:
                        page.refresh_from_db()
                        messages.success(
                            request,
                            f"“{page.title}” is signed off and published. Next review due "
                            f"{page.review_due:%-d %B %Y}.",
                        )
                        return redirect("admin:content_page_waiting")
        change = review.waiting_change(page)
        new = review.change_text(change) if change else review.live_text(page)
        old = review.live_text(page) if change and page.is_published else review.EMPTY
        if not change and page.is_published:
            old = new  # nothing changed: the live text itself is to be checked
        return self._render(
            request,
            "admin/content/page/review.html",
            page,
            title=f"Review “{page.title}”",
            change=change,
            diffs=diff_texts(old, new),
            compared_with_live=bool(change and page.is_published),
            is_waiting=review.is_waiting(page),
            sent_back=review.sent_back_note(page),
            own_change=request.user.pk in review.authors(page),
            can_sign_off=review.can_sign_off(request.user),
            sign_off_form=sign_off_form,
            send_back_form=send_back_form,
            default_review_due=review.one_year_after(timezone.localdate()),
        )

    def history_view(self, request, object_id, extra_context=None):
        page = self._page(request, object_id)
        all_versions = review.versions(page)
        return self._render(
            request,
            "admin/content/page/versions.html",
            page,
            title=f"History of “{page.title}”",
            versions=all_versions,
            can_restore=self.has_change_permission(request, page),
            decisions=page.decisions.all()[:50],
        )

    def compare_view(self, request, page_id):
        page = self._page(request, page_id)
        found = {v.key: v for v in review.versions(page)}
        older, newer = found.get(request.GET.get("from")), found.get(request.GET.get("to"))
        if older is None or newer is None:
            messages.error(request, "Choose two versions to compare.")
            return redirect("admin:content_page_history", page.pk)
        if older.when > newer.when:
            older, newer = newer, older
        return self._render(
            request,
            "admin/content/page/compare.html",
            page,
            title=f"Compare versions of “{page.title}”",
            older=older,
            newer=newer,
            diffs=diff_texts(older.text, newer.text),
            can_restore=self.has_change_permission(request, page),
        )

    def restore_view(self, request, page_id, key):
        page = self._page(request, page_id, change=True)
        version = review.find_version(page, key)
        if version is None:
            raise Http404("No such version of this page.")
        if request.method == "POST":
            try:
                outcome = review.restore(page, version, request.user)
            except review.ReviewRefused as refusal:
                messages.error(request, str(refusal))
                return redirect("admin:content_page_history", page.pk)
            messages.success(
                request,
                {
                    "live": "The earlier version is restored and published.",
                    "waiting": "The earlier version is restored as a change waiting for "
                    "sign-off. Parents still see the signed-off version.",
                    "draft": "The earlier version is restored.",
                    "unchanged": "That version is the same as the live page: nothing changed.",
                }[outcome],
            )
            return redirect("admin:content_page_change", page.pk)
        current = review.working_text(page)
        return self._render(
            request,
            "admin/content/page/restore.html",
            page,
            title=f"Restore an earlier version of “{page.title}”",
            version=version,
            diffs=diff_texts(current, version.text),
            goes_live=page.is_published
            and version.is_live_version
            and review.can_sign_off(request.user),
        )
