"""The app's models, one module per capability, re-exported here."""

from content.models.feedback import Feedback
from content.models.glossary import Term
from content.models.guide import Answer, Question
from content.models.pages import REVIEW_SOON_DAYS, Page, PageQuerySet, PageRedirect, Source
from content.models.review import PageChange, ReviewDecision
from content.models.sitetext import SiteText

__all__ = [
    "REVIEW_SOON_DAYS",
    "Answer",
    "Feedback",
    "Page",
    "PageChange",
    "PageQuerySet",
    "PageRedirect",
    "Question",
    "ReviewDecision",
    "SiteText",
    "Source",
    "Term",
]
