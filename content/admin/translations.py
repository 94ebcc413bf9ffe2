"""The admin's side of translations (docs/translating.md).

On an English item's change form: a link per language, to its translation or
to "Translate this", which makes the translation (hidden from parents until
signed off) and a draft starting from the English words. On a translation's
change form: the English it translates beside its own words, and, when the
English changed since the translation was signed off, what changed. The
rules are plain functions in content/review/translations.py.
"""

from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse

from content import languages, review
from content.review import translations
from content.review.kinds import ANSWER_WORDS, QUESTION_WORDS


class LanguageFilter(admin.SimpleListFilter):
    """A changelist's rows in one language, or the translations that are behind."""

    title = "language"
    parameter_name = "language"
    BEHIND = "behind"

    def lookups(self, request, model_admin):
        return [
            *[(code, languages.english_name(code)) for code in languages.codes()],
            (self.BEHIND, "Translations behind the English"),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.BEHIND:
            found = translations.behind(models=(queryset.model,))
            return queryset.filter(pk__in=[entry.translation.pk for entry in found])
        if self.value() in languages.codes():
            return queryset.filter(language=self.value())
        return queryset


class TranslationAdminMixin:
    """For a reviewed model's ModelAdmin (through ReviewAdminMixin): "Translate
    this", and the English beside a translation."""

    # Whether an English item's change form offers "Translate this": a model
    # whose translations the admin has no form for sets it to False.
    offers_translation = True

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<int:item_id>/translate/<str:language>/",
                view(self.translate_view),
                name=f"{name}_translate",
            ),
            *super().get_urls(),
        ]

    def translate_url(self, item, language):
        meta = self.opts
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_translate", args=[item.pk, language]
        )

    def translate_view(self, request, item_id, language):
        item = self._item(request, item_id, change=True)
        kind = review.kind_of(item)
        english = item.english
        if language not in languages.translations():
            raise Http404("The site is not translated into that language.")
        found = english.translation(language)
        if found is not None:
            return redirect(kind.admin_url(found))
        name = languages.english_name(language)
        if request.method == "POST":
            try:
                made = translations.start_translation(english, language, request.user)
            except review.ReviewRefused as refusal:
                messages.error(request, str(refusal))
                return redirect(kind.admin_url(english))
            messages.success(
                request,
                f"The {name} translation is started: the form holds the English words, with "
                "the English beside them. Replace them with the translation, then submit it for "
                f"sign-off by a medical reviewer who reads {name}. Parents do not see it until "
                "then.",
            )
            return redirect(kind.admin_url(made))
        return self._render(
            request,
            "admin/translations/start.html",
            english,
            title=f"Translate “{kind.title(english)}” into {name}",
            language_name=name,
        )

    def translation_context(self, request, item):
        """What the change form shows about languages."""
        if not self.offers_translation and not item.is_translation:
            return {}
        kind = review.kind_of(item)
        if not item.is_translation:
            found = {row.language: row for row in item.translations.all()}
            return {
                "translations": [
                    {
                        "name": languages.english_name(code),
                        "row": found.get(code),
                        "url": kind.admin_url(found[code])
                        if code in found
                        else self.translate_url(item, code),
                        "state": _state(found.get(code)),
                    }
                    for code in languages.translations()
                ]
            }
        english = item.translation_of
        english_words = kind.translatable(kind.live(english))
        own_words = kind.translatable(review.working_data(item))
        return {
            "translation_of": english,
            "translation_language": languages.english_name(item.language),
            "english_url": kind.admin_url(english),
            "side_by_side": _side_by_side(kind, english_words, own_words),
            "is_behind": translations.is_behind(item),
            "english_changes": [d for d in translations.english_changes(item) if d.changed]
            if translations.is_behind(item)
            else [],
        }


def _state(row):
    if row is None:
        return "not translated yet"
    if translations.is_behind(row):
        return "behind the English"
    kind = review.kind_of(row)
    if not kind.is_published(row):
        return "draft, not shown to parents"
    return "checked" if row.is_checked else "not yet checked by a clinician"


def _guide_words(data):
    """The guide's words as lines of text, question by question."""
    lines = []
    for question in data.get("questions", []):
        lines.append(f"Question ({question.get('key')}): {question.get('text', '')}")
        lines += [
            f"    {name.replace('_', ' ').capitalize()}: {question[name]}"
            for name in QUESTION_WORDS[1:]
            if question.get(name)
        ]
        for answer in question.get("answers", []):
            lines.append(f"    Answer ({answer.get('key')}): {answer.get('label', '')}")
            lines += [
                f"        {name.replace('_', ' ').capitalize()}: {answer[name]}"
                for name in ANSWER_WORDS[1:]
                if answer.get(name)
            ]
    return "\n".join(lines)


def _side_by_side(kind, english, own):
    """[(label, English text, this translation's text)] for each translated field."""
    if "questions" in english:  # the guide's words
        return [("Questions and answers", _guide_words(english), _guide_words(own))]
    labels = {f.name: f for f in kind.fields}
    rows = []
    for name in english:
        field = labels[name]
        mine = dict(kind.comparison_lines({**english, **own}))[field]
        theirs = dict(kind.comparison_lines(english))[field]
        rows.append((field.label, theirs, mine))
    return rows
