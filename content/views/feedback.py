"""'Was this page helpful?': one POST, then a thank-you page (post, redirect, get).

The form sets and reads no cookie (see content/feedback.py for how it is
protected instead), and the answer is stored without anything about the person.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from content import feedback
from content.models import Feedback, Page
from neuroinfo import ratelimit


@csrf_exempt  # no CSRF cookie on public pages: the signed token does that job
@never_cache
@require_POST
def submit(request):
    if not ratelimit.allow(request, "feedback", feedback.RATE_LIMIT, feedback.RATE_WINDOW):
        response = render(request, "feedback/too_many.html", status=429)
        response["Retry-After"] = str(feedback.RATE_WINDOW)
        return response
    if not feedback.same_site(request):
        return _refuse(
            request, _("This form was sent from another website, so we did not keep it.")
        )
    try:
        sent = feedback.read_submission(request.POST)
    except feedback.FeedbackError as error:
        return _refuse(request, str(error))
    page = Page.objects.published().filter(slug=sent.slug).first()
    if page is None:
        return _refuse(request, _("The page this form was on is no longer on the site."))
    Feedback.objects.create(page=page, where=sent.where, helpful=sent.helpful, comment=sent.comment)
    return redirect(f"{reverse('content:feedback_thanks')}?page={page.slug}")


def _refuse(request, message):
    """The 400 page, with the form again (and the comment kept) when we know its page."""
    context = {"message": message, "comment": request.POST.get("comment", "")[:10_000]}
    known = feedback.token_page(request.POST.get("token"))
    page = known and Page.objects.published().filter(slug=known[0]).first()
    if page and known[1] in Feedback.Where.values:
        context.update(
            page=page,
            feedback_token=feedback.make_token(page.slug, known[1]),
            helpful=request.POST.get("helpful"),
        )
    return render(request, "feedback/error.html", context, status=400)


def thanks(request):
    slug = request.GET.get("page", "")
    page = Page.objects.published().filter(slug=slug).only("slug", "title").first()
    if slug and page is None:
        raise Http404("No such page.")
    return render(request, "feedback/thanks.html", {"page": page})
