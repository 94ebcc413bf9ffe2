"""The admin editor's live preview: the page as parents will see it, with its
reading grade and the sentences that push the grade up.

markdownx's editor posts the text as `content` on every change and puts the
answer into the preview box, so the grade updates as the editor types, with
no script of ours. Routed in neuroinfo/urls.py for staff only.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_POST

from content import readability
from content.rendering import render_markdown


@require_POST
@staff_member_required
def markdownify(request):
    if "content" not in request.POST:
        return HttpResponseBadRequest(
            "Send the page's text as 'content'.", content_type="text/plain"
        )
    body_html = render_markdown(request.POST["content"])
    return render(
        request,
        "admin/content/preview.html",
        {
            "body_html": body_html,
            "report": readability.report(body_html) if body_html else None,
            "max_grade": readability.MAX_GRADE,
            "max_words": readability.MAX_SENTENCE_WORDS,
        },
    )
