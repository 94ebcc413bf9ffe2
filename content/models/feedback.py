from django.db import models


class Feedback(models.Model):
    """One answer to "Was this page helpful?".

    It holds the page, the answer, the comment and the date, and nothing about
    the person who sent it: no address, no cookie, no browser details.
    """

    # Anyone may post feedback, and no public page shows it: a post must not
    # change the content version (which would empty the cache of every page).
    affects_public_pages = False

    class Where(models.TextChoices):
        PAGE = "page", "The page"
        GUIDE_RESULT = "guide-result", "The guide's result for this page"

    page = models.ForeignKey("content.Page", related_name="feedback", on_delete=models.CASCADE)
    where = models.CharField("asked on", max_length=20, choices=Where.choices, default=Where.PAGE)
    helpful = models.BooleanField("was it helpful?")
    comment = models.TextField(blank=True)
    created = models.DateTimeField("sent", auto_now_add=True, db_index=True)
    dealt_with = models.BooleanField(
        default=False, help_text="Tick when an editor has read this and done what it needs."
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "feedback"
        verbose_name_plural = "feedback"

    def __str__(self):
        answer = "Helpful" if self.helpful else "Not helpful"
        return f"{answer}: {self.page} ({self.created:%d %b %Y})"
