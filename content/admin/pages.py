from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.safestring import mark_safe
from markdownx.admin import MarkdownxModelAdmin

from content import guide, review, review_cycle
from content.admin.guide import refuse_new_problems
from content.admin.links import PageLinksAdminMixin, tell_editor_after_save, unpublish_refusal
from content.admin.presence import WhoElseIsEditing
from content.admin.review import PageReviewMixin, WaitingFilter
from content.locks import lock_guide
from content.models import REVIEW_SOON_DAYS, Page, Source
from content.readability import MAX_GRADE, reading_grade
from content.rendering import MarkdownError, render_markdown
from content.widgets import LabelledMarkdownxWidget


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("soon", f"Due in the next {REVIEW_SOON_DAYS} days")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "soon":
            return queryset.review_due_within(REVIEW_SOON_DAYS)
        return queryset


class SourceInline(admin.StackedInline):
    model = Source
    extra = 0
    fields = ["organisation", "title", "url", "date", "accessed", "order"]
    # An address typed without a scheme means https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_extra(self, request, obj=None, **kwargs):
        # A waiting change's sources are shown as new forms (PageReviewMixin).
        change = review.waiting_change(obj) if obj is not None and obj.pk else None
        return len(change.sources) if change else 0


class PageForm(forms.ModelForm):
    # Optimistic concurrency: which saved version the form was opened at.
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Page
        fields = [
            "title", "slug", "summary", "status", "order", "body", "review_due", "related"
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "body": LabelledMarkdownxWidget,
            # Checkboxes: usable by keyboard and screen reader without the
            # admin's JavaScript filter widget.
            "related": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "related" in self.fields and self.instance.pk:
            self.fields["related"].queryset = Page.objects.exclude(pk=self.instance.pk)
        if self.instance.pk:
            self.fields["edit_token"].initial = review.edit_token(self.instance)
            # Editors carry on from the text waiting for sign-off, not the live one.
            change = review.waiting_change(self.instance)
            if change:
                self.initial.update(title=change.title, summary=change.summary, body=change.body)

    def clean_status(self):
        status = self.cleaned_data["status"]
        stored = Page.objects.filter(pk=self.instance.pk).values_list("status", flat=True).first()
        if status == Page.Status.PUBLISHED and stored != Page.Status.PUBLISHED:
            raise forms.ValidationError(
                "A page is published when a medical reviewer signs it off. Save it as a "
                "draft, then ask a medical reviewer to sign it off."
            )
        return status

    def clean_body(self):
        # A text the renderer refuses is an error on the field, never a 500;
        # what the editor typed stays in the form.
        body = self.cleaned_data["body"]
        try:
            render_markdown(body)
        except MarkdownError as error:
            raise forms.ValidationError(str(error)) from error
        return body

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.refuse_a_stale_save()
        if self.instance.pk and not self.errors:
            # One lock around this check and the save, so two editors' changes
            # cannot each pass the check and together strand a parent.
            lock_guide()
            # Unpublishing a page, or removing a section, that the guide leads to
            # would send a parent to a 404 or the wrong place: refuse it.
            before = guide.load_questionnaire()
            old_slug = Page.objects.get(pk=self.instance.pk).slug
            fields = ["title", "slug", "summary", "status"]
            # Editors have no status field: the page keeps its own.
            page = Page(**{f: cleaned.get(f, getattr(self.instance, f)) for f in fields})
            page.body = cleaned.get("body", "")
            page.render()
            try:
                refuse_new_problems(
                    before, guide.with_page(before, guide.page_info(page), old_slug)
                )
            except ValidationError as error:
                # At the top (raised on) and next to the field that caused it.
                # Editors have no status field: for them it is always the text.
                unpublishing = (
                    "status" in self.fields and cleaned.get("status") != Page.Status.PUBLISHED
                )
                self.add_error("status" if unpublishing else "body", error.messages)
                raise
        refusal = "status" in cleaned and unpublish_refusal(self.instance, cleaned["status"])
        if refusal:
            # At the top of the form and next to the field, like every refusal.
            self.add_error(None, refusal)
            self.add_error("status", refusal)
        return cleaned

    def refuse_a_stale_save(self):
        """Refuse a save made from a form opened before someone else's save, keeping
        what this editor typed; the form now carries the newer version, so saving
        again (after merging) replaces it."""
        current = review.edit_token(self.instance)
        if self.cleaned_data.get("edit_token") == current:
            return
        who, when = review.last_save(self.instance)
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_token")] = current
        changed = "The page was changed"
        if when is not None:
            when = timezone.localtime(when)
            changed = f"{who} saved this page at {when:%H:%M} on {when:%-d %B %Y}"
        raise forms.ValidationError(
            f"{changed} after you opened it, so your changes were not saved. What you "
            "typed is still in the form below. Open the page's history in another tab to "
            "see their version, copy anything you need into this form, then save again."
        )

    def clean_review_due(self):
        value = self.cleaned_data["review_due"]
        # An overdue date the editor left alone may stay: only a clinician's
        # review can honestly move it on, and the editor may be fixing a typo.
        if "review_due" in self.changed_data:
            review_cycle.check_next_review_date(value)
        return value


@admin.register(Page)
class PageAdmin(WhoElseIsEditing, PageReviewMixin, PageLinksAdminMixin, MarkdownxModelAdmin):
    form = PageForm
    list_display = [
        "title", "status_and_sign_off", "last_reviewed", "review_due", "review_state", "grade"
    ]  # fmt: skip
    list_filter = ["status", WaitingFilter, ReviewFilter]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SourceInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "status", "order", "edit_token"]}),
        ("Text", {"fields": ["body"]}),
        ("Review", {"fields": ["checked", "review_due"]}),
        ("Related pages", {"fields": ["related"], "classes": ["collapse"]}),
        ("Checks and history", {"fields": ["grade", "earlier_versions"]}),
        ("Links", {"fields": ["linked_from", "old_addresses"]}),
    ]
    readonly_fields = ["checked", "grade", "earlier_versions", "linked_from", "old_addresses"]

    @admin.display(description="checked by a clinician")
    def checked(self, page):
        if not page.is_checked:
            return "Not yet: parents are told this page has not been checked by a clinician."
        return f"{page.checked_by_role}, {page.last_reviewed:%-d %B %Y}"

    @admin.display(description="reading grade")
    def grade(self, page):
        if not page.body_html:
            return "–"
        grade = reading_grade(page.body_html)
        return f"{grade:.1f}" + (" (aim for 8 or lower)" if grade > MAX_GRADE else "")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Publishing is a sign-off, and unpublishing a reviewer's decision.
        return fields if review.can_sign_off(request.user) else fields + ["status"]

    def save_model(self, request, obj, form, change):
        self.save_page_settings(request, obj, form, change)
        tell_editor_after_save(request, obj, form)
        grade = reading_grade(render_markdown(obj.body))
        if grade > MAX_GRADE:
            messages.warning(
                request,
                f"“{obj.title}” reads at grade {grade:.1f}. Parents need grade 8 or lower: "
                "try shorter sentences and plainer words.",
            )

    @admin.display(description="review")
    def review_state(self, page):
        # Words and a symbol, not colour alone (WCAG 1.4.1).
        state = review_cycle.state(page)
        if state == "overdue":
            return mark_safe(
                '<strong class="review-overdue"><span aria-hidden="true">⚠ </span>Overdue</strong>'
            )
        return "Due soon" if state == "soon" else "OK"
