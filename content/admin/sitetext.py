"""The site-wide texts in the admin: one row, never added or deleted here."""

from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from content.admin.history import ReadOnlyHistory
from content.models import SiteText
from content.widgets import LabelledMarkdownxWidget


class SiteTextForm(forms.ModelForm):
    class Meta:
        model = SiteText
        fields = ["organisation_name", "worried_now", "about", "contact"]
        widgets = {
            "worried_now": LabelledMarkdownxWidget,
            "about": LabelledMarkdownxWidget,
            "contact": LabelledMarkdownxWidget,
        }


@admin.register(SiteText)
class SiteTextAdmin(ReadOnlyHistory, SimpleHistoryAdmin):
    form = SiteTextForm
    save_on_top = True

    def changelist_view(self, request, extra_context=None):
        # There is only one: go straight to it.
        site_text = SiteText.objects.order_by("pk").first()
        if site_text is None:
            return redirect(reverse("admin:content_sitetext_add"))
        return redirect(reverse("admin:content_sitetext_change", args=[site_text.pk]))

    def has_add_permission(self, request):
        return not SiteText.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
