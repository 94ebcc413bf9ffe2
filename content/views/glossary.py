"""The glossary: every term A to Z."""

from itertools import groupby

from django.shortcuts import render

from content.models import Term
from neuroinfo.response_cache import public_page


def by_letter(terms):
    """[(letter, [terms…]), …], A to Z, ignoring case."""
    ordered = sorted(terms, key=lambda term: term.term.casefold())
    return [(letter, list(group)) for letter, group in groupby(ordered, key=lambda t: t.letter)]


@public_page
def glossary(request):
    return render(request, "content/glossary.html", {"letters": by_letter(Term.objects.all())})
