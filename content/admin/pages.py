from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markdownx.admin import MarkdownxModelAdmin

from content import guide, review
from content.admin.guide import refuse_new_problems
from content.admin.links import PageLinksAdminMixin, tell_editor_after_save, unpublish_refusal
from content.admin.review import ReviewAdminMixin, ReviewedForm
from content.admin.translations import LanguageFilter
from content.models import REVIEW_SOON_DAYS, Change, Page, Source
from content.readability import MAX_GRADE, reading_grade
from content.rendering import MarkdownError, render_markdown
from content.review import cycle as review_cycle
from content.widgets import LabelledMarkdownxWidget


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
            return queryset.filter(changes__state=Change.State.SUBMITTED)
        if self.value() == "new":
            return queryset.exclude(status=Page.Status.PUBLISHED)
        if self.value() == "unchecked":
            return queryset.published().filter(checked_at__isnull=True)
        return queryset


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
        # The sources are shown as new forms (PageAdmin.get_formset_kwargs).
        return len(review.working_data(obj)["sources"]) if obj is not None and obj.pk else 0


class PageForm(ReviewedForm):
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
        if "body" in self.fields:  # the preview measures the text in its language
            self.fields["body"].widget.language = self.instance.language
        if "related" in self.fields and self.instance.pk:
            same_language = Page.objects.in_language(self.instance.language)
            self.fields["related"].queryset = same_language.exclude(pk=self.instance.pk)

    def clean_status(self):
        status = self.cleaned_data["status"]
        stored = Page.objects.filter(pk=self.instance.pk).values_list("status", flat=True).first()
        if status == Page.Status.PUBLISHED and stored != Page.Status.PUBLISHED:
            raise forms.ValidationError(
                "A page is published when a medical reviewer signs it off. Save it, submit it "
                "for sign-off, and a medical reviewer who did not write it publishes it."
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
        cleaned = super().clean()  # takes the lock and refuses a stale save
        # A translation is never where the guide leads (its English page is);
        # its sections are checked against the English page's at sign-off.
        if self.instance.pk and not self.errors and not self.instance.is_translation:
            # Unpublishing a page, or removing a section, that the guide leads to
            # would send a parent to a 404 or the wrong place: refuse it.
            old_slug = Page.objects.get(pk=self.instance.pk).slug
            fields = ["title", "slug", "summary", "status"]
            # Editors have no status field: the page keeps its own.
            page = Page(**{f: cleaned.get(f, getattr(self.instance, f)) for f in fields})
            page.body = cleaned.get("body", "")
            page.render()
            info = guide.page_info(page)
            try:
                # The guide parents use, and the working copy that waits for
                # sign-off: neither may be left pointing at a missing page.
                for before in (guide.load_questionnaire(), guide.load_questionnaire(working=True)):
                    refuse_new_problems(before, guide.with_page(before, info, old_slug))
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

    def clean_review_due(self):
        value = self.cleaned_data["review_due"]
        # An overdue date the reviewer left alone may stay: only a clinician's
        # review can honestly move it on.
        if "review_due" in self.changed_data:
            review_cycle.check_next_review_date(value)
        return value


@admin.register(Page)
class PageAdmin(ReviewAdminMixin, PageLinksAdminMixin, MarkdownxModelAdmin):
    form = PageForm
    list_display = [
        "title", "status_and_sign_off", "last_reviewed", "review_due", "review_state", "grade"
    ]  # fmt: skip
    list_filter = ["status", WaitingFilter, ReviewFilter, LanguageFilter]
    change_form_template = "admin/review/change_form.html"
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

    @admin.display(description="status", ordering="status")
    def status_and_sign_off(self, page):
        # One column for both, so the page list still fits at 1280px.
        state = self.sign_off_state(page)
        if state == "Signed off" or (not page.is_published and state.startswith("New")):
            return page.get_status_display()
        return format_html("{}<br>{}", page.get_status_display(), state)

    @admin.display(description="checked by a clinician")
    def checked(self, page):
        if not page.is_checked:
            return "Not yet: parents are told this page has not been checked by a clinician."
        return f"{page.checked_by}, {page.last_reviewed:%-d %B %Y}"

    @admin.display(description="reading grade")
    def grade(self, page):
        if not page.body_html:
            return "–"
        grade = reading_grade(page.body_html)
        return f"{grade:.1f}" + (" (aim for 8 or lower)" if grade > MAX_GRADE else "")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Publishing is a sign-off, unpublishing and the next review date a
        # medical reviewer's decision.
        if obj is not None and obj.is_translation:
            fields.append("slug")  # the English page's address, always
        if review.can_sign_off(request.user):
            return fields
        return [*fields, "status", "review_due"]

    def get_prepopulated_fields(self, request, obj=None):
        return (
            {}
            if obj is not None and obj.is_translation
            else super().get_prepopulated_fields(request, obj)
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("changes")

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if inline.model is Source:
            # The sources are part of the text: always shown as new forms holding
            # the working text's sources, never bound to Source rows, so a save
            # made while someone else's change appeared posts what it showed.
            kwargs["queryset"] = Source.objects.none()
            if request.method != "POST" and obj is not None and obj.pk:
                kwargs["initial"] = review.working_data(obj)["sources"]
        return kwargs

    def data_from_forms(self, form, formsets):
        """The page's text: the form's fields and the sources left in the formset."""
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
        return {
            "title": data["title"],
            "slug": data.get("slug", form.instance.slug),  # a translation's follows English
            "summary": data["summary"],
            "body": data["body"],
            "sources": review.sorted_sources(sources),
        }

    def before_first_save(self, request, page):
        # A placeholder parents never see: the sign-off that publishes the
        # page sets its review dates.
        if page.review_due is None:
            page.review_due = review.one_year_after(timezone.localdate())

    def save_model(self, request, obj, form, change):
        stored = Page.objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        if stored is not None and stored.is_published:
            # A medical reviewer's decisions go straight onto the live row.
            decided = [f for f in ("status", "review_due") if f in form.changed_data]
            for name in decided:
                setattr(stored, name, getattr(obj, name))
            if decided:
                stored._history_user = request.user
                stored.save()
            if not stored.is_published:
                review.record_unpublished(stored, request.user)
        tell_editor_after_save(request, obj, form, stored)
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
