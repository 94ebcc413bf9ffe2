"""Sign-off: changes to a published page wait here until a medical reviewer
signs them off, and every decision is recorded.

The Page row is always what parents see. An editor's save of a published page
is stored as a PageChange instead (content/review.py decides which); signing
it off copies it onto the Page row and deletes it. Its history keeps every
saved wording, so no word is lost.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from content.models.pages import Page


class PageChange(models.Model):
    """The waiting version of a published page: at most one per page."""

    # Never shown to a visitor; a sign-off copies it onto the Page, whose save
    # changes the content version.
    affects_public_pages = False

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for sign-off"
        SENT_BACK = "sent_back", "Sent back"

    page = models.OneToOneField(Page, related_name="waiting_change", on_delete=models.CASCADE)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=240)
    body = models.TextField()
    # [{"organisation", "title", "url", "date" (ISO or ""), "order"}, ...]
    sources = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()
    reviewer_comment = models.TextField(blank=True)
    commented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commented_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "change waiting for sign-off"
        verbose_name_plural = "changes waiting for sign-off"
        ordering = ["saved_at"]

    def __str__(self):
        return f"Change to “{self.page}”"

    @property
    def is_sent_back(self):
        return self.state == self.State.SENT_BACK


class ReviewDecision(models.Model):
    """A medical reviewer's decision about a page: who, in what role, when, and why."""

    # Shown in the admin only; what the decision does to the page is a Page save.
    affects_public_pages = False

    class Decision(models.TextChoices):
        SIGNED_OFF = "signed_off", "Signed off and published"
        SENT_BACK = "sent_back", "Sent back to the editor"
        RESTORED = "restored", "Restored an earlier version and published it"
        UNPUBLISHED = "unpublished", "Unpublished"

    page = models.ForeignKey(Page, related_name="decisions", on_delete=models.CASCADE)
    decision = models.CharField(max_length=12, choices=Decision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text too, so the record outlives the account.
    decided_by_name = models.CharField("name", max_length=150)
    role = models.CharField(max_length=80)
    decided_at = models.DateTimeField()
    comment = models.TextField(blank=True)
    override_reason = models.TextField(
        blank=True,
        help_text="Why a superuser signed off a change they made themselves.",
    )
    title = models.CharField("page title at the time", max_length=120)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = "review decision"

    def __str__(self):
        return f"{self.get_decision_display()}: {self.title} ({self.decided_by_name})"
