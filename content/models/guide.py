from django.db import models
from simple_history.models import HistoricalRecords

from content import languages
from content.models.pages import Page
from content.models.review import ReviewedText
from content.models.translations import Translatable


class Guide(Translatable, ReviewedText):
    """The guide parents use: one row holding the signed-off questions and answers.

    Medical reviewers edit Question and Answer rows, which are the guide's
    working copy (staff who are signed in try it at /guide/). A sign-off by
    another reviewer copies them here (content/review/kinds.py).
    """

    # [{"key", "text", ..., "answers": [{"key", "label", ...}]}], in order. A
    # translation holds only the words, by the English guide's keys
    # ({"key", "text", "hint", …, "answers": [{"key", "label", …}]}): the
    # structure (order, routes, pages, sections) is always the English row's.
    questions = models.JSONField(default=list)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "guide"
        verbose_name_plural = "guide"

    def __str__(self):
        if self.is_translation:
            return f"The guide ({self.language_name})"
        return "The guide"

    @classmethod
    def current(cls, language=None):
        """The row in `language` (None: this request's language), or None for
        a language whose words are not written (or not yet signed off). The
        English row is made if it is missing (a data migration creates it)."""
        language = language or languages.current()
        if not languages.is_default(language):
            found = cls.objects.filter(language=language).order_by("pk").first()
            return found if found is not None and found.words_are_live else None
        guide = cls.objects.filter(language=language).order_by("pk").first()
        if guide is None:
            # No id written by hand: PostgreSQL's sequence would not know it.
            guide, _ = cls.objects.get_or_create(language=language)
        return guide


class Question(models.Model):
    """One question of the guide's working copy. The guide starts at the lowest `order`."""

    # Staff try the working copy; parents get the Guide row, whose sign-off
    # changes the content version.
    affects_public_pages = False

    key = models.SlugField(
        max_length=40,
        unique=True,
        help_text="Short name used in the guide's addresses, e.g. 'where'. Changing it breaks "
        "bookmarked results.",
    )
    text = models.CharField(
        max_length=200, help_text="The question, as the heading of its page. Ask one thing."
    )
    hint = models.TextField(
        blank=True, help_text="Shown under the question. Help the parent answer it."
    )
    summary_label = models.CharField(
        max_length=80,
        help_text="A short name for the answer on 'Check your answers', e.g. "
        "'Where it has come back'.",
    )
    error_message = models.CharField(
        max_length=200,
        help_text="Shown when Continue is pressed with nothing chosen. Say what to do: "
        "'Select where the neuroblastoma has come back'.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class Answer(models.Model):
    """One answer to a question, and where it leads: another question or a page."""

    affects_public_pages = False  # the working copy, as Question

    question = models.ForeignKey(Question, related_name="answers", on_delete=models.CASCADE)
    key = models.SlugField(
        max_length=40, help_text="Short name used in the guide's addresses, e.g. 'one-place'."
    )
    label = models.CharField(max_length=120)
    hint = models.CharField(max_length=240, blank=True, help_text="Shown under the answer.")
    is_unsure = models.BooleanField(
        'is the "I\'m not sure" answer',
        default=False,
        help_text="Shown last, after 'or'. Every question needs one; use its hint to say how "
        "to find out.",
    )
    next_question = models.ForeignKey(
        Question,
        null=True,
        blank=True,
        related_name="leads_from",
        on_delete=models.PROTECT,
        help_text="Ask this question next. Leave empty when the answer leads to a page.",
    )
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        related_name="guide_answers",
        on_delete=models.PROTECT,
        help_text="The page this answer leads to. Leave empty when it leads to a question.",
    )
    section = models.SlugField(
        max_length=80,
        blank=True,
        help_text="Optional id of a section ({#id} in the page's text) to open the page at. "
        "On an answer that leads to another question, it is used when the later answer "
        "names no section of its own.",
    )
    reason = models.CharField(
        max_length=200,
        help_text="Completes 'Because you said …' on the result, e.g. 'it has come back in "
        "one place'.",
    )
    result_note = models.TextField(
        blank=True, help_text="Optional advice shown on the result when this answer was given."
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="unique_answer_key"),
        ]

    def __str__(self):
        return self.label
