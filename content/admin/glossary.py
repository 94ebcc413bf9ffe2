"""The glossary in the admin: plain-language explanations of medical words.

A new word or a changed explanation waits for a medical reviewer's sign-off
like a page (content/admin/review.py); every version is kept. Signing off
re-links the pages that use it (content/models/glossary.py).
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html, format_html_join

from content.admin.review import ReviewAdminMixin, ReviewedForm
from content.admin.translations import LanguageFilter
from content.models import Term
from content.readability import MAX_GRADE, reading_grade


class TermForm(ReviewedForm):
    class Meta:
        model = Term
        fields = ["term", "slug", "definition", "other_names", "source_name", "source_url"]


@admin.register(Term)
class TermAdmin(ReviewAdminMixin, admin.ModelAdmin):
    form = TermForm
    list_display = [
        "term", "sign_off_state", "also_called_list", "source_name", "grade", "page_count"
    ]  # fmt: skip
    search_fields = ["term", "other_names", "definition"]
    list_filter = [LanguageFilter]
    prepopulated_fields = {"slug": ["term"]}
    fields = [
        "term", "slug", "definition", "other_names", "source_name", "source_url", "edit_token",
        "grade", "used_on", "earlier_versions",
    ]  # fmt: skip
    readonly_fields = ["grade", "used_on", "earlier_versions"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})},
        # An address typed without a scheme means https (Django 6's default).
        models.URLField: {"assume_scheme": "https"},
    }

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # A translated word keeps its English word's address.
        return [*fields, "slug"] if obj is not None and obj.is_translation else fields

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.is_translation:
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(page_total=models.Count("pages"))
            .prefetch_related("changes")
        )

    @admin.display(description="also called")
    def also_called_list(self, term):
        return ", ".join(term.also_called) or "–"

    @admin.display(description="reading grade")
    def grade(self, term):
        if not term.definition:
            return "–"
        grade = reading_grade(f"<p>{term.definition}</p>")
        return f"{grade:.1f}" + (" (aim for 8 or lower)" if grade > MAX_GRADE else "")

    @admin.display(description="pages", ordering="page_total")
    def page_count(self, term):
        return term.page_total

    @admin.display(description="linked on")
    def used_on(self, term):
        pages = term.pages.all() if term.pk else []
        if not pages:
            return "No page yet. Pages link the term as soon as their text uses one of its names."
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}">{}</a></li>', (
                (page.get_absolute_url(), page.title) for page in pages
            )),
        )  # fmt: skip

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        grade = reading_grade(f"<p>{obj.definition}</p>")
        if grade > MAX_GRADE:
            messages.warning(
                request,
                f"The explanation of “{obj.term}” reads at grade {grade:.1f}. Parents need "
                "grade 8 or lower: try shorter sentences and plainer words.",
            )
