"""The admin's side of the guide: questions with their answers inline, and the
rule that no change may strand a parent (see guide.problems).

The Question and Answer rows are the guide's working copy: parents use the
copy a second medical reviewer signed off (the Guide row, with its own page
here for sign-off and history). Every save here updates the guide's waiting
change, as a draft, through content/review/."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html

from content import guide, languages, review
from content.admin.review import ReviewAdminMixin, ReviewedForm
from content.locks import lock_guide
from content.models import Answer, Guide, Page, Question
from content.review.kinds import guide_rows_data
from content.review.roles import REVIEWERS as MEDICAL_REVIEWERS

# Only medical reviewers (and superusers) may change the guide: it decides
# which page a frightened parent is sent to, so clinicians must own it, and a
# second one signs every change off. This check works whatever permissions
# the group is given.


def may_change_guide(user):
    if not user.is_active:
        return False
    if not hasattr(user, "_may_change_guide"):  # one query per request, not per check
        user._may_change_guide = (
            user.is_superuser or user.groups.filter(name=MEDICAL_REVIEWERS).exists()
        )
    return user._may_change_guide


class MedicalReviewersOnly:
    """Editors may read the guide (with the view permission) but not change it."""

    def has_add_permission(self, request, *args):
        return may_change_guide(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return may_change_guide(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return may_change_guide(request.user) and super().has_delete_permission(request, obj)


def refuse_new_problems(before, after, action="This change"):
    """Raise a ValidationError listing the problems `after` has that `before` had not."""
    new = guide.new_problems(before, after)
    if new:
        raise ValidationError([f"{action} would leave the guide unable to help a parent:"] + new)


def section_choices():
    """Every page's sections, as ("slug#id", "Page — Heading") choices grouped
    by page: a select that works without JavaScript. One query, of the headings
    stored on save: no page's text."""
    choices = [("", "None: open the page at the top")]
    # The guide leads to English pages; each language's guide follows them.
    for page in Page.objects.in_language(languages.default()).only("slug", "title", "headings"):
        options = [(f"{page.slug}#{id_}", f"{page.title} — {text}") for id_, text in page.sections]
        if options:
            choices.append((page.title, options))
    return choices


class AnswerForm(forms.ModelForm):
    section = forms.ChoiceField(
        required=False,
        label="Open the page at",
        help_text="A section of the page this answer leads to. On an answer that leads to "
        "another question, the section is used on the page the guide ends at, when the later "
        "answer names none.",
    )
    order = forms.IntegerField(
        required=False,
        min_value=0,
        label="Position",
        help_text="Answers are shown from the lowest number up; “I'm not sure” always comes "
        "last. Leave empty to put a new answer after the others.",
    )

    class Meta:
        model = Answer
        fields = [
            "question", "label", "key", "hint", "is_unsure", "next_question", "page",
            "section", "reason", "result_note", "order",
        ]  # fmt: skip

    def __init__(self, *args, section_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(section_choices)
        current = self.instance.section if self.instance.pk else ""
        if current:
            value = self._choice_for(choices, current)
            if value is None:  # keep what is stored, even when no page has it now
                value = f"#{current}"
                choices.append((value, f"“{current}” (no page has this section)"))
            self.initial["section"] = value
        self.fields["section"].choices = choices

    def _choice_for(self, choices, section):
        page_slug = self.instance.page.slug if self.instance.page_id else None
        values = [v for _, group in choices[1:] for v, _ in group] + [v for v, _ in choices[1:]]
        preferred = f"{page_slug}#{section}" if page_slug else None
        if preferred in values:
            return preferred
        return next((v for v in values if isinstance(v, str) and v.endswith(f"#{section}")), None)

    def clean_section(self):
        value = self.cleaned_data["section"]
        self.section_page, _, section = value.partition("#") if value else ("", "", "")
        return section

    def clean(self):
        cleaned = super().clean()
        page = cleaned.get("page")
        section_page = getattr(self, "section_page", "")  # unset when the choice was invalid
        if page and cleaned.get("section") and section_page and section_page != page.slug:
            other = (
                Page.objects.in_language(languages.default())
                .filter(slug=self.section_page)
                .values_list("title", flat=True)
                .first()
            )
            self.add_error(
                "section",
                f"That section is on “{other}”, but this answer leads to “{page.title}”. "
                f"Choose a section of “{page.title}”.",
            )
        return cleaned


class AnswerFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.section_choices = section_choices()

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "section_choices": self.section_choices}

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        self._place_new_answers()
        question = self.instance
        key = question.key
        answers = []
        chosen_pages = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("key"):
                continue
            nxt = data.get("next_question")
            if data.get("page"):
                chosen_pages.append(data["page"])
            answers.append(
                guide.Answer(
                    key=data["key"],
                    label=data["label"],
                    reason=data.get("reason", ""),
                    is_unsure=data.get("is_unsure", False),
                    next_question=(key if nxt.pk == question.pk else nxt.key) if nxt else None,
                    page=data["page"].slug if data.get("page") else None,
                    section=data.get("section", ""),
                )
            )
        # Held until the admin's transaction commits the save (see content/locks.py).
        lock_guide()
        before = guide.load_questionnaire(working=True)
        # The guide loads only the pages its answers lead to already; add any
        # page an answer here newly leads to, so it can be checked too. Read
        # again under the lock: the form's copy was read before it, and another
        # editor may have unpublished or deleted the page since (a page that
        # is gone is then missing, and the check refuses the answer).
        after = before
        new = [page.pk for page in chosen_pages if page.slug not in before.pages]
        for info in guide.load_pages(pk__in=new).values() if new else ():
            after = guide.with_page(after, info)
        old_key = Question.objects.get(pk=question.pk).key if question.pk else None
        after = guide.with_question(
            after,
            guide.Question(
                key=key,
                text=question.text,
                order=question.order,
                pk=question.pk,
                answers=tuple(answers),
            ),
            old_key=old_key,
        )
        reached_from = getattr(question, "reached_from", None)
        if reached_from is not None:
            after = guide.with_answer_leading_to(
                after, reached_from.question.key, reached_from.key, key
            )
        new = guide.new_problems(before, after)
        if new:
            self._show_beside_fields(key, new)
            raise ValidationError(
                ["This change would leave the guide unable to help a parent:"] + new
            )

    def _show_beside_fields(self, key, problems):
        """Each problem about one of these answers also goes next to its field."""
        forms_by_key = {
            f.cleaned_data.get("key"): f for f in self.forms if getattr(f, "cleaned_data", None)
        }
        for problem in problems:
            form = forms_by_key.get(getattr(problem, "answer", None))
            if form is not None and problem.question == key and problem.field in form.fields:
                form.add_error(problem.field, str(problem))

    def _place_new_answers(self):
        """An answer given no position goes after the others, in the order of the form."""
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        last = max(
            (f.cleaned_data["order"] for f in kept if f.cleaned_data.get("order") is not None),
            default=0,
        )
        for form in kept:
            if form.cleaned_data.get("order") is None:
                last += 1
                form.cleaned_data["order"] = form.instance.order = last


SHORT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}


class AnswerInline(MedicalReviewersOnly, admin.StackedInline):
    model = Answer
    form = AnswerForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            # Titles for the choices, and what the guide's checks read of the
            # chosen page: never every page's text.
            english = Page.objects.in_language(languages.default())
            kwargs["queryset"] = english.only("pk", *guide.PAGE_INFO_FIELDS)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    formfield_overrides = SHORT_TEXTAREA
    formset = AnswerFormSet
    fk_name = "question"
    extra = 0
    min_num = 2
    fields = [
        "order",
        ("label", "key"),
        "hint",
        "is_unsure",
        ("next_question", "page"),
        "section",
        "reason",
        "result_note",
    ]
    prepopulated_fields = {"key": ["label"]}

    class Media:
        # Narrows the section list to the chosen page; the form works without it.
        js = ["js/guide_admin.js"]


class AnswerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, answer):
        # Several questions have an "I'm not sure" answer: say whose it is.
        return f"{answer.question.summary_label}: {answer.label}"


class QuestionForm(forms.ModelForm):
    reached_from = AnswerChoiceField(
        queryset=Answer.objects.select_related("question").order_by(
            "question__order", "question__pk", "order", "pk"
        ),
        required=False,
        label="Asked after the answer",
        help_text="For a new question: the answer that should now lead to it. That answer "
        "stops leading to its page. Every question must be reachable from the first.",
    )

    class Meta:
        model = Question
        fields = ["text", "key", "hint", "summary_label", "error_message", "order"]

    def clean_key(self):
        key = self.cleaned_data["key"]
        if guide.is_reserved_key(key):
            raise ValidationError(f"“{key}” is used by the guide itself: choose another key.")
        return key

    def save(self, commit=True):
        question = super().save(commit=False)
        # Read by AnswerFormSet.clean, which runs after this form is valid.
        question.reached_from = self.cleaned_data.get("reached_from")
        if commit:
            question.save()
        return question


@admin.register(Question)
class QuestionAdmin(MedicalReviewersOnly, admin.ModelAdmin):
    form = QuestionForm
    formfield_overrides = SHORT_TEXTAREA
    inlines = [AnswerInline]
    list_display = ["text", "key", "order"]
    prepopulated_fields = {"key": ["summary_label"]}
    actions = None  # no bulk delete: each deletion is checked on its own

    def get_changeform_initial_data(self, request):
        last = Question.objects.order_by("-order").first()
        return {
            "order": last.order + 1 if last else 1,
            **super().get_changeform_initial_data(request),
        }

    def get_fields(self, request, obj=None):
        fields = ["text", "key", "hint", "summary_label", "error_message", "order"]
        return fields if obj else fields + ["reached_from"]

    def save_related(self, request, form, formsets, change):
        # Answers are saved one by one, so swapping two keys would break the
        # unique (question, key) rule half-way: park changed keys first.
        for formset in formsets:
            for answer_form in formset.forms:
                pk = answer_form.instance.pk
                if pk and (
                    "key" in answer_form.changed_data or formset._should_delete_form(answer_form)
                ):
                    Answer.objects.filter(pk=pk).update(key=f"~{pk}")
        super().save_related(request, form, formsets, change)
        answer = form.cleaned_data.get("reached_from")
        if answer is not None:
            # Saved, not update()d, so the answer's history records the change.
            answer = Answer.objects.get(pk=answer.pk)
            answer.next_question, answer.page = form.instance, None
            answer.save()
        keep_guide_change(request)

    @transaction.atomic
    def delete_view(self, request, object_id, extra_context=None):
        question = self.get_object(request, object_id)
        if question is not None and request.method == "POST":
            lock_guide()
        if question is not None:
            before = guide.load_questionnaire(working=True)
            try:
                refuse_new_problems(
                    before, guide.without_question(before, question.key), "Deleting it"
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(reverse("admin:content_question_change", args=[question.pk]))
        response = super().delete_view(request, object_id, extra_context)
        if request.method == "POST":
            keep_guide_change(request)
        return response

    def history_view(self, request, object_id, extra_context=None):
        # The guide's history is kept whole, on the guide's own page.
        return redirect(reverse("admin:content_guide_history", args=[Guide.current().pk]))


def keep_guide_change(request):
    """After a save of the working copy: it becomes (or updates) the guide's
    waiting change, a draft until a reviewer submits it for sign-off."""
    outcome = review.save_edit(Guide.current(), guide_rows_data(), request.user)
    if outcome != "unchanged":
        messages.info(
            request,
            format_html(
                "Parents do not see this yet. Staff who are signed in see the changed guide "
                'at /guide/. When it is ready, <a href="{}">submit the guide for sign-off</a>: '
                "another medical reviewer publishes it.",
                reverse("admin:content_guide_change", args=[Guide.current().pk]),
            ),
        )


class GuideForm(ReviewedForm):
    class Meta:
        model = Guide
        fields = []


# A translated guide's words, one field each, named by the English guide's keys.
QUESTION_WORD_FIELDS = {
    "text": ("Question", forms.CharField, 200),
    "hint": ("Hint", forms.CharField, None),
    "summary_label": ("Name on 'Check your answers'", forms.CharField, 80),
    "error_message": ("When nothing is chosen", forms.CharField, 200),
}
ANSWER_WORD_FIELDS = {
    "label": ("Answer", forms.CharField, 120),
    "hint": ("Hint", forms.CharField, 240),
    "reason": ("Because you said …", forms.CharField, 200),
    "result_note": ("Note on the result", forms.CharField, None),
}


def words_field_name(*keys):
    return "words__" + "__".join(keys)


def guide_words_fields(english_questions):
    """{form field name: field} for every word of the English guide, each labelled
    with the English it translates."""
    made = {}

    def add(name, kind, english, keys):
        label, field_class, max_length = kind
        long = max_length is None
        made[words_field_name(*keys)] = field_class(
            label=f"{label}: “{english}”" if english else label,
            required=False,
            max_length=max_length,
            widget=forms.Textarea(attrs={"rows": 2, "cols": 80}) if long else None,
        )

    for question in english_questions:
        for name, kind in QUESTION_WORD_FIELDS.items():
            add(name, kind, question.get(name, ""), (question["key"], name))
        for answer in question.get("answers", []):
            for name, kind in ANSWER_WORD_FIELDS.items():
                add(name, kind, answer.get(name, ""), (question["key"], answer["key"], name))
    return made


class GuideWordsForm(ReviewedForm):
    """The words of a translated guide, beside the English they translate."""

    class Meta:
        model = Guide
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for question in review.working_data(self.instance).get("questions", []):
                for name in QUESTION_WORD_FIELDS:
                    field = words_field_name(question.get("key", ""), name)
                    self.initial.setdefault(field, question.get(name, ""))
                for answer in question.get("answers", []):
                    for name in ANSWER_WORD_FIELDS:
                        field = words_field_name(question.get("key", ""), answer["key"], name)
                        self.initial.setdefault(field, answer.get(name, ""))

    def words(self):
        """The translated words in the shape a translated Guide row keeps."""
        cleaned = self.cleaned_data
        english = self.instance.translation_of.questions
        return {
            "questions": [
                {
                    "key": question["key"],
                    **{
                        name: cleaned.get(words_field_name(question["key"], name), "")
                        for name in QUESTION_WORD_FIELDS
                    },
                    "answers": [
                        {
                            "key": answer["key"],
                            **{
                                name: cleaned.get(
                                    words_field_name(question["key"], answer["key"], name), ""
                                )
                                for name in ANSWER_WORD_FIELDS
                            },
                        }
                        for answer in question.get("answers", [])
                    ],
                }
                for question in english
            ]
        }


@admin.register(Guide)
class GuideAdmin(MedicalReviewersOnly, ReviewAdminMixin, admin.ModelAdmin):
    """The guide as one piece of text for sign-off: its questions are edited
    under Questions; here it is submitted, reviewed and restored."""

    form = GuideForm
    readonly_fields = ["questions_list", "earlier_versions"]
    fields = ["questions_list", "earlier_versions"]

    @admin.display(description="questions")
    def questions_list(self, item):
        return format_html(
            '<a href="{}">Change the questions and answers</a> (the working copy: staff who '
            "are signed in try it at /guide/)",
            reverse("admin:content_question_changelist"),
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None or not obj.is_translation:
            return super().get_form(request, obj, change, **kwargs)
        # One field per word of the English guide (its structure is shared).
        attrs = guide_words_fields(obj.translation_of.questions)
        return type("TranslatedGuideWordsForm", (GuideWordsForm,), attrs)

    def get_fieldsets(self, request, obj=None):
        if obj is None or not obj.is_translation:
            return super().get_fieldsets(request, obj)
        # A group of fields for each English question and its answers.
        groups = [(None, {"fields": ["edit_token", "earlier_versions"]})]
        for question in obj.translation_of.questions:
            names = list(guide_words_fields([question]))
            groups.append((f"Question “{question['key']}”", {"fields": names}))
        return groups

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_translation:
            return ["earlier_versions"]
        return super().get_readonly_fields(request, obj)

    def data_from_forms(self, form, formsets):
        if form.instance.is_translation:  # only words: never the English structure
            return form.words()
        return guide_rows_data()

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return redirect(reverse("admin:content_guide_change", args=[Guide.current().pk]))
