"""The admin editor's live preview: the page as parents will see it, with its
reading grade and the sentences that push the grade up.

markdownx's editor posts the text as `content` on every change and puts the
answer into the preview box, so the grade updates as the editor types, with
no script of ours. Routed in neuroinfo/urls.py for staff only.

markdownx's own view answers 500 to a POST without `content`, and to any text
the renderer refuses (it bounds its own work): this one answers 400 to the first and shows
the second calmly where the preview would be.

A translation's editor posts to `?language=fr` (content/widgets.py), so its
text is measured with its own language's formula (content/readability.py).
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_POST

from content import languages, readability
from content.rendering import MarkdownError, render_markdown


@require_POST
@staff_member_required
def markdownify(request):
    if "content" not in request.POST:
        return HttpResponseBadRequest(
            "Send the page's text as 'content'.", content_type="text/plain; charset=utf-8"
        )
    language = request.GET.get("language") or languages.default()
    if language not in languages.codes():
        return HttpResponseBadRequest(
            f"'language' must be one of the site's languages: {', '.join(languages.codes())}.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        body_html = render_markdown(request.POST["content"])
    except MarkdownError as error:
        # Saving gives the same message, as an error beside the text.
        return render(request, "admin/content/preview.html", {"problem": str(error)})
    return render(
        request,
        "admin/content/preview.html",
        {
            "body_html": body_html,
            "report": readability.report(body_html, language) if body_html else None,
            "language_name": languages.english_name(language),
            "max_grade": readability.MAX_GRADE,
            "max_words": readability.MAX_SENTENCE_WORDS,
        },
    )
