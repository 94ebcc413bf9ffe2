"""Sign-off: one mechanism for every text parents read (docs/editors.md).

A row of a reviewed model (a Page, the SiteText, a Term, the Guide) always
holds what parents see. Work on it waits in a Change: a draft, then submitted
for sign-off, perhaps sent back, until a medical reviewer who wrote none of it
signs it off, which copies it onto the row (content/review/workflow.py). Every
decision is a ReviewDecision. The Change's history keeps every saved wording.

Dependency rule: this module imports no other model module; the reviewed
models import `ReviewedText` from here.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from content import languages


class Change(models.Model):
    """The waiting version of one reviewed item: at most one per item."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft: not yet submitted"
        SUBMITTED = "submitted", "Waiting for sign-off"
        SENT_BACK = "sent_back", "Sent back"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    # What the item is called, for lists and emails (never its medical text).
    title = models.CharField(max_length=200)
    # The item's language: only a reviewer who reads it may sign the change off.
    language = models.CharField(max_length=12, default=languages.default)
    # The text fields of the item, as its kind keeps them (content/review/kinds.py).
    data = models.JSONField(default=dict)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    # Goes up at every save: a sign-off names the version the reviewer was shown.
    version = models.PositiveIntegerField(default=1)
    # Everyone whose words are in `data`: they may not sign it off. A reviewer
    # who only sends it back is not one of them.
    authors = models.JSONField(default=list)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewer_comment = models.TextField(blank=True)
    commented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commented_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    # Never shown to a visitor: saving one leaves the page cache alone. A
    # sign-off copies it onto the item's row, whose save changes the version.
    affects_public_pages = False

    class Meta:
        verbose_name = "change waiting for sign-off"
        verbose_name_plural = "changes waiting for sign-off"
        ordering = ["saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_change_per_item"
            )
        ]

    def __str__(self):
        return f"Change to “{self.title}”"

    @property
    def is_sent_back(self):
        return self.state == self.State.SENT_BACK

    @property
    def saved_by_name(self):
        user = self.saved_by
        return (user.get_full_name() or user.get_username()) if user else "someone"

    @property
    def is_submitted(self):
        return self.state == self.State.SUBMITTED

    @property
    def is_draft(self):
        return self.state == self.State.DRAFT


class ReviewDecision(models.Model):
    """A medical reviewer's decision about an item: who, in what role, when, and why."""

    class Decision(models.TextChoices):
        SIGNED_OFF = "signed_off", "Signed off and published"
        SENT_BACK = "sent_back", "Sent back to the editor"
        RESTORED = "restored", "Restored an earlier version and published it"
        UNPUBLISHED = "unpublished", "Unpublished"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    decision = models.CharField(max_length=12, choices=Decision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text too, so the record outlives the account.
    decided_by_name = models.CharField("name", max_length=150)
    role = models.CharField(max_length=80)
    # The language of the text decided on (a translation's, or English).
    language = models.CharField(max_length=12, default=languages.default)
    decided_at = models.DateTimeField()
    comment = models.TextField(blank=True)
    override_reason = models.TextField(
        blank=True,
        help_text="Why a superuser signed off a change they made themselves.",
    )
    title = models.CharField("title at the time", max_length=200)
    # Shown in the admin only; what the decision does is a save of the item's row.
    affects_public_pages = False

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = "review decision"
        indexes = [models.Index(fields=["content_type", "object_id"], name="decision_item")]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.title} ({self.decided_by_name})"


class ReviewerLanguages(models.Model):
    """The languages other than English a member of staff reads well enough to
    check a translation (every reviewer reads English). Only a medical
    reviewer who reads a translation's language may sign it off. Kept on the
    account: a superuser sets it on the user's page in the admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_languages"
    )
    languages = models.JSONField(
        "reads",
        default=list,
        blank=True,
        help_text="The languages, besides English, this person reads well enough to check "
        "a medical translation. Only a medical reviewer who reads a translation's language "
        "may sign it off.",
    )
    # Who may check what is an admin matter: no page parents see changes.
    affects_public_pages = False

    class Meta:
        verbose_name = "languages read"
        verbose_name_plural = "languages read"

    def __str__(self):
        names = [languages.english_name(code) for code in self.languages]
        return ", ".join(["English", *names])


class ReviewedText(models.Model):
    """What every reviewed model has: who last checked the text parents see,
    and whose words it holds."""

    checked_at = models.DateTimeField(
        "checked by a clinician at",
        null=True,
        blank=True,
        help_text="When a medical reviewer last signed off the version parents see.",
    )
    checked_by_role = models.CharField(
        "checked by (role)",
        max_length=80,
        blank=True,
        help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
    )
    # The ids of the people whose words are in the text on this row (for a
    # draft edited in place, and for a version restored from history).
    text_authors = models.JSONField(default=list, blank=True, editable=False)
    changes = GenericRelation(Change)
    decisions = GenericRelation(ReviewDecision)

    class Meta:
        abstract = True

    @property
    def is_checked(self):
        """True once a clinician has signed off the version parents see."""
        return self.checked_at is not None
