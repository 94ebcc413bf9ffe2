"""The languages a member of staff reads, on their user page in the admin.

Only a medical reviewer who reads a translation's language may sign it off
(content/review/workflow.py); English is read by every reviewer. Superusers
(who alone may change users) set it here; editors and reviewers cannot.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from content import languages
from content.models import ReviewerLanguages


class ReviewerLanguagesForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label="Reads, besides English",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick each language this person reads well enough to check a medical "
        "translation. Only a medical reviewer who reads a translation's language may sign "
        "it off; every reviewer may sign off English.",
    )

    class Meta:
        model = ReviewerLanguages
        fields = ["languages"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [
            (code, languages.english_name(code)) for code in languages.translations()
        ]

    def has_changed(self):
        # Saved even when nothing is ticked, so the page always says what was decided.
        return True


class ReviewerLanguagesInline(admin.StackedInline):
    model = ReviewerLanguages
    form = ReviewerLanguagesForm
    can_delete = False
    max_num = 1
    min_num = 1
    verbose_name = "languages read"
    verbose_name_plural = "Languages read (for signing off translations)"


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, ReviewerLanguagesInline]

    def get_inline_instances(self, request, obj=None):
        # The add form asks only for a name and password, as Django's does.
        return super().get_inline_instances(request, obj) if obj else []
