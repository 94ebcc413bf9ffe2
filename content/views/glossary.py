"""The glossary: every term A to Z."""

from itertools import groupby

from django.shortcuts import render

from content import review
from content.models import Term
from neuroinfo.response_cache import public_page


def by_letter(terms):
    """[(letter, [terms…]), …], A to Z, ignoring case."""
    ordered = sorted(terms, key=lambda term: term.term.casefold())
    return [(letter, list(group)) for letter, group in groupby(ordered, key=lambda t: t.letter)]


def terms_for(request):
    """Published terms; signed-in staff also see waiting words and explanations,
    as parents will once they are signed off."""
    if not request.user.is_staff:
        return list(Term.objects.published())
    terms = []
    for term in Term.objects.in_language().prefetch_related("changes"):
        change = next(iter(term.changes.all()), None)
        if change:
            term = review.kind_of(term).preview(term, change.data)
            term.is_waiting_preview = True
        if term.published or change:
            terms.append(term)
    return terms


@public_page
def glossary(request):
    terms = terms_for(request)
    return render(
        request,
        "content/glossary.html",
        {
            "letters": by_letter(terms),
            "unchecked": sum(not t.is_checked for t in terms),
            "total": len(terms),
        },
    )
