from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markdownx.admin import MarkdownxModelAdmin

from content import guide, review_cycle
from content.admin.guide import refuse_new_problems
from content.admin.links import PageLinksAdminMixin, tell_editor_after_save, unpublish_refusal
from content.models import REVIEW_SOON_DAYS, Page, PageRevision, Source
from content.readability import MAX_GRADE, reading_grade
from content.rendering import render_markdown
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


class PageForm(forms.ModelForm):
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

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.errors:
            # Unpublishing a page, or removing a section, that the guide leads to
            # would send a parent to a 404 or the wrong place: refuse it.
            before = guide.load_questionnaire()
            old_slug = Page.objects.get(pk=self.instance.pk).slug
            page = Page(**{f: cleaned.get(f) for f in ["title", "slug", "summary", "status"]})
            page.body_html = render_markdown(cleaned.get("body", ""))
            try:
                refuse_new_problems(
                    before, guide.with_page(before, guide.page_info(page), old_slug)
                )
            except ValidationError as error:
                # At the top (raised on) and next to the field that caused it.
                unpublishing = cleaned.get("status") != Page.Status.PUBLISHED
                self.add_error("status" if unpublishing else "body", error.messages)
                raise
        refusal = "status" in cleaned and unpublish_refusal(self.instance, cleaned["status"])
        if refusal:
            # At the top of the form and next to the field, like every refusal.
            self.add_error(None, refusal)
            self.add_error("status", refusal)
        return cleaned

    def clean_review_due(self):
        value = self.cleaned_data["review_due"]
        # An overdue date the editor left alone may stay: only a clinician's
        # review can honestly move it on, and the editor may be fixing a typo.
        if "review_due" in self.changed_data:
            review_cycle.check_next_review_date(value)
        return value


@admin.register(Page)
class PageAdmin(PageLinksAdminMixin, MarkdownxModelAdmin):
    form = PageForm
    list_display = [
        "title", "status", "last_reviewed", "review_due", "review_state", "grade"
    ]  # fmt: skip
    list_filter = ["status", ReviewFilter]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SourceInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "status", "order"]}),
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

    @admin.display(description="earlier versions")
    def earlier_versions(self, page):
        count = page.revisions.count() if page.pk else 0
        if not count:
            return "None yet: each save keeps a copy here."
        url = reverse("admin:content_pagerevision_changelist") + f"?page__id__exact={page.pk}"
        return format_html('<a href="{}">{} saved versions</a>', url, count)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Every save is kept, so an editor can always find earlier wording.
        PageRevision.record(obj, request.user)
        tell_editor_after_save(request, obj, form)
        grade = reading_grade(obj.body_html)
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


@admin.register(PageRevision)
class PageRevisionAdmin(admin.ModelAdmin):
    """Read-only: earlier versions are a record. Copy wording back by hand.

    They go when their page is deleted (deleting a page is deliberate, and
    Django asks to confirm it), so delete permission follows the page's.
    """

    list_display = ["page", "title", "status", "saved_at", "saved_by"]
    list_filter = ["page"]
    search_fields = ["title", "body"]
    fields = ["page", "title", "summary", "status", "saved_at", "saved_by", "body"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("content.delete_page")
