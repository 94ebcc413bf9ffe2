"""English: parents' words and the words the pages use (see __init__.py)."""

# Written without accents: glossary words are found with LIKE, as before
# languages were kept (content/search/ranking.py).
ACCENTS = False

# Parents' words for how likely their child is to get better. The pages give
# no figures; the results page says so, and where the site talks about it.
OUTLOOK_WORDS = {
    "outlook", "prognosis", "survival", "survive", "survives", "surviving", "survivor",
    "survivors", "cure", "cured", "curable", "incurable", "die", "dies", "dying", "death",
    "dead", "chance", "chances", "odds", "terminal", "life expectancy", "statistics",
}  # fmt: skip
_OUTLOOK = ["outlook", "prognosis"]
# The pages' questions ask what care there is "to keep my child comfortable".
_COMFORT = ["comfortable", "comfort", "support"]
# "Who can I call…", and the 24-hour number the team gives. The site cannot
# give a team's numbers: the results page says so, and where to find them.
CONTACT_WORDS = {"nurse", "nurses", "phone", "telephone", "helpline", "contact", "24-hour"}
_CALL = ["24-hour number", "questions between visits"]

# Everyday words -> the words the pages use. Keys may be phrases.
SYNONYMS = {
    "relapse": ["recurrence", "recurrent", "come back", "comes back"],
    "relapsed": ["recurrence", "recurrent", "come back", "comes back"],
    "came back": ["recurrence", "recurrent"],
    "come back": ["recurrence", "recurrent"],
    "comes back": ["recurrence", "recurrent"],
    "coming back": ["recurrence", "recurrent"],
    "returned": ["recurrence", "recurrent", "come back"],
    "return": ["recurrence", "recurrent", "come back"],
    "marrow": ["bone marrow"],
    "brain": ["central nervous system", "cns", "spinal cord"],
    "head": ["brain", "central nervous system"],
    "spine": ["spinal cord", "central nervous system", "cns"],
    "spinal": ["spinal cord", "central nervous system", "cns"],
    "trial": ["clinical trial"],
    "trials": ["clinical trial"],
    "study": ["clinical trial"],
    "studies": ["clinical trial"],
    "research": ["clinical trial"],
    "chemo": ["chemotherapy"],
    "radiotherapy": ["radiation therapy"],
    "radiation": ["radiation therapy"],
    "operation": ["surgery"],
    "op": ["surgery"],
    "transplant": ["stem cell transplant", "stem cell rescue"],
    "stem cell transplant": ["stem cell rescue"],
    "stem cell rescue": ["stem cell transplant"],
    "bone marrow transplant": ["stem cell transplant", "stem cell rescue"],
    "growing": ["progressive"],
    "spreading": ["progressive", "spread"],
    "worse": ["progressive"],
    "antibody": ["monoclonal antibody", "ch14.18"],
    "dinutuximab": ["ch14.18"],
    "vitamin a": ["retinoid", "isotretinoin"],
    **{word: [w for w in _OUTLOOK if w != word] for word in OUTLOOK_WORDS},
    "palliative": _COMFORT,
    "hospice": _COMFORT,
    "end of life": _COMFORT,
    "comfort": ["comfortable", "support"],
    "nurse": _CALL,
    "nurses": _CALL,
    "phone": _CALL,
    "telephone": _CALL,
    "phone number": _CALL,
    "contact": _CALL,
    "helpline": _CALL,
    "tumor": ["tumour"],
}

# Words that would match nearly everything; dropped unless nothing else is left.
STOP_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for",
    "from", "has", "have", "he", "her", "his", "how", "i", "if", "in", "is", "it", "its",
    "me", "my", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
    "then", "there", "they", "this", "to", "was", "we", "what", "when", "where", "which",
    "who", "why", "will", "with", "you", "your",
}  # fmt: skip

# Words on nearly every page and in many explanations: searched for, but on
# their own they do not make a page or a word a match when the query holds a
# more telling word ("stem cell transplant" must not list every word that
# mentions a cell, nor "will my child die" every page that mentions a child).
COMMON_WORDS = {
    "cell", "cells", "child", "children", "childs", "child's", "cancer", "cancers",
    "kid", "kids", "son", "daughter", "baby", "treatment", "treatments", "doctor", "doctors",
    "neuroblastoma",
}  # fmt: skip
