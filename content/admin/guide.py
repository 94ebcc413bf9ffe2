"""The admin's side of the guide: questions with their answers inline, and the
rule that no change may strand a parent (see guide.problems)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import redirect
from django.urls import reverse

from content import guide
from content.locks import lock_guide
from content.models import Answer, Question


def refuse_new_problems(before, after, action="This change"):
    """Raise a ValidationError listing the problems `after` has that `before` had not.

    Problems that were already there don't block an unrelated change, so an
    editor can mend a broken guide one step at a time.
    """
    new = [p for p in guide.problems(after) if p not in set(guide.problems(before))]
    if new:
        raise ValidationError([f"{action} would leave the guide unable to help a parent:"] + new)


class AnswerFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        question = self.instance
        key = question.key
        answers = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("key"):
                continue
            nxt = data.get("next_question")
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
        before = guide.load_questionnaire()
        old_key = Question.objects.get(pk=question.pk).key if question.pk else None
        after = guide.with_question(
            before,
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
        refuse_new_problems(before, after)


SHORT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}


class AnswerInline(admin.StackedInline):
    model = Answer
    formfield_overrides = SHORT_TEXTAREA
    formset = AnswerFormSet
    fk_name = "question"
    extra = 0
    min_num = 2
    fields = [
        ("label", "key"),
        "hint",
        "is_unsure",
        ("next_question", "page", "section"),
        "reason",
        "result_note",
        "order",
    ]
    prepopulated_fields = {"key": ["label"]}


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
class QuestionAdmin(admin.ModelAdmin):
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
            Answer.objects.filter(pk=answer.pk).update(next_question=form.instance, page=None)

    @transaction.atomic
    def delete_view(self, request, object_id, extra_context=None):
        question = self.get_object(request, object_id)
        if question is not None and request.method == "POST":
            lock_guide()
        if question is not None:
            before = guide.load_questionnaire()
            try:
                refuse_new_problems(
                    before, guide.without_question(before, question.key), "Deleting it"
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(reverse("admin:content_question_change", args=[question.pk]))
        return super().delete_view(request, object_id, extra_context)
