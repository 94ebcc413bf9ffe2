"""The app's models, one module per capability, re-exported here.

Saving or deleting any model of this app changes the content version
(`versioning.py`), which the cache of finished public pages is keyed by.
"""

from content.models.feedback import Feedback
from content.models.glossary import Term
from content.models.guide import Answer, Guide, Question
from content.models.pages import REVIEW_SOON_DAYS, Page, PageQuerySet, PageRedirect, Source
from content.models.review import Change, ReviewDecision, ReviewedText
from content.models.sitetext import SiteText
from content.models.versioning import ContentVersion, bump_content_version

__all__ = [
    "REVIEW_SOON_DAYS",
    "Answer",
    "Change",
    "ContentVersion",
    "Feedback",
    "Guide",
    "Page",
    "PageQuerySet",
    "PageRedirect",
    "Question",
    "ReviewDecision",
    "ReviewedText",
    "SiteText",
    "Source",
    "Term",
    "bump_content_version",
]
