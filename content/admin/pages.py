import datetime

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from markdownx.admin import MarkdownxModelAdmin

from content import guide
from content.admin.guide import refuse_new_problems
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
            refuse_new_problems(before, guide.with_page(before, guide.page_info(page), old_slug))
        return cleaned


@admin.register(Page)
class PageAdmin(MarkdownxModelAdmin):
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
    ]
    readonly_fields = ["checked", "grade", "earlier_versions"]

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
        if not obj.is_published:
            linking = [
                p.title
                for p in Page.objects.published().exclude(pk=obj.pk)
                if obj.slug in guide.page_info(p).links_to
            ]
            if linking:
                messages.warning(
                    request,
                    f"“{obj.title}” is not published, but these pages link to it: "
                    f"{', '.join(linking)}. Parents following those links will see "
                    "“Page not found”.",
                )
        grade = reading_grade(obj.body_html)
        if grade > MAX_GRADE:
            messages.warning(
                request,
                f"“{obj.title}” reads at grade {grade:.1f}. Parents need grade 8 or lower: "
                "try shorter sentences and plainer words.",
            )

    @admin.display(description="review")
    def review_state(self, page):
        today = timezone.localdate()
        if page.review_is_overdue(today):
            return "Overdue"
        if page.review_due <= today + datetime.timedelta(REVIEW_SOON_DAYS):
            return "Due soon"
        return "OK"


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
