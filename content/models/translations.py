"""One row per language: what every translatable model (Page, Term, SiteText,
Guide) has (docs/translating.md).

An English row is the original; a translation is a row of the same model
with its own `language` and `translation_of` pointing at the English row. It
waits, previews, keeps history and restores through content/review/ like
any text. `source_text` keeps the English words it was last signed off
against, so the admin can say when the English changed since ("behind").

Dependency rule: like review.py, this module imports no other model module.
"""

from django.db import models
from django.utils.translation import gettext

from content import languages


class Translatable(models.Model):
    language = models.CharField(
        max_length=12,
        default=languages.default,
        db_index=True,
        editable=False,
        help_text="The language of this row's words.",
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
        editable=False,
        help_text="The English original; empty on English rows.",
    )
    # The English words (the kind's translatable fields, as content/review/kinds.py
    # reads them) this translation was last signed off against.
    source_text = models.JSONField(default=dict, blank=True, editable=False)
    source_checked_at = models.DateTimeField(
        "English version checked at",
        null=True,
        blank=True,
        editable=False,
        help_text="When the English text it was translated from was signed off.",
    )

    class Meta:
        abstract = True

    @property
    def is_translation(self):
        return self.translation_of_id is not None

    @property
    def english(self):
        """The original row: the one this translates, or this row itself."""
        return self.translation_of if self.is_translation else self

    @property
    def language_name(self):
        return languages.english_name(self.language)

    @property
    def checked_by(self):
        """Who checked the text parents see, in the reader's language: "Medical
        reviewer", or for a translation "Medical reviewer (reads French)" (only
        a reviewer who reads its language may sign a translation off)."""
        if not self.checked_by_role:
            return ""
        role = gettext(self.checked_by_role)  # marked in content/review/workflow.py
        if not self.is_translation:
            return role
        # The language's name from Django's own catalogue ("French" → "français").
        language = gettext(languages.english_name(self.language))
        return gettext("%(role)s (reads %(language)s)") % {"role": role, "language": language}

    @property
    def words_are_live(self):
        """For models with no status of their own (SiteText, Guide): whether
        parents may read this row. An English row always; a translation once
        a reviewer signed it off, or when it was loaded with the English words
        it was made from (the starting translations, unchecked)."""
        return not self.is_translation or bool(self.source_text) or self.checked_at is not None

    def translation(self, language):
        """This item's row in `language` (None if there is none yet)."""
        english = self.english
        if language == english.language:
            return english
        return english.translations.filter(language=language).first()
