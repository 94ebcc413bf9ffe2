"""The site-wide texts in the admin: one row, never added or deleted here.

A change waits for sign-off like a page's (content/admin/review.py): the
"If you are worried right now" box is on every page, so no one person's
words reach parents unchecked."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from content.admin.review import ReviewAdminMixin, ReviewedForm
from content.models import SiteText
from content.widgets import LabelledMarkdownxWidget


class SiteTextForm(ReviewedForm):
    class Meta:
        model = SiteText
        fields = ["organisation_name", "worried_now", "about", "contact"]
        widgets = {
            "worried_now": LabelledMarkdownxWidget,
            "about": LabelledMarkdownxWidget,
            "contact": LabelledMarkdownxWidget,
        }


@admin.register(SiteText)
class SiteTextAdmin(ReviewAdminMixin, admin.ModelAdmin):
    form = SiteTextForm
    save_on_top = True
    fields = ["organisation_name", "worried_now", "about", "contact", "edit_token"]
    readonly_fields = ["earlier_versions"]

    def get_fields(self, request, obj=None):
        return [*self.fields, "earlier_versions"]

    def changelist_view(self, request, extra_context=None):
        # There is only one: go straight to it.
        site_text = SiteText.objects.filter(translation_of=None).order_by("pk").first()
        if site_text is None:
            return redirect(reverse("admin:content_sitetext_add"))
        return redirect(reverse("admin:content_sitetext_change", args=[site_text.pk]))

    def has_add_permission(self, request):
        return not SiteText.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
