"""The app's models, one module per capability, re-exported here.

Saving or deleting any model of this app changes the content version
(`versioning.py`), which the cache of finished public pages is keyed by.

Which module may import which (tests/test_layers.py checks it), from the
bottom up; a module imports only from its own layer or those below:

1. Plain functions over text and data, which import no model: rendering,
   glossary, links, readability, questions, structured_data, languages,
   locks, widgets, starting/; and `neuroinfo`, the site-wide part, which
   imports only these from `content` (but its URLconf). (search/query.py or
   review/text.py import no model either, but importing one runs its
   package's __init__, which does.)
2. The models, this package. Each model module imports only the plain
   modules and the model modules before it in this order: review,
   translations, versioning, feedback, sitetext, pages, glossary, guide. So Page reaches
   Term through the relation Term declares, never by importing it.
3. What reads and writes the models: guide (the routing, and
   load_questionnaire), navigation, feedback, checks, sitemaps,
   context_processors, search/ (ranking, suggestions, sqlite_index),
   review/ (kinds, workflow, cycle, notify).
4. What answers requests and commands: views/, admin/, templatetags/,
   management/, urls, and neuroinfo/urls.py. Nothing below imports them.

Signals are connected in one place, ContentConfig.ready() (content/apps.py).
An AppConfig's ready() is the only function with imports in it: Django
imports apps.py before any model exists. There is no import cycle.
"""

from content.models.feedback import Feedback
from content.models.glossary import Term
from content.models.guide import Answer, Guide, Question
from content.models.pages import REVIEW_SOON_DAYS, Page, PageQuerySet, PageRedirect, Source
from content.models.review import Change, ReviewDecision, ReviewedText, ReviewerLanguages
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
    "ReviewerLanguages",
    "SiteText",
    "Source",
    "Term",
    "bump_content_version",
]
