"""The admin editor's live preview (markdownx's widget posts the text here)."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from content.rendering import MarkdownError, render_markdown


@staff_member_required
@require_POST
def markdown_preview(request):
    """Render like the public page does; a problem is shown in the preview, never a 500.

    markdownx's own view answers 500 to a POST without `content`, and to any
    text the renderer fails on.
    """
    if "content" not in request.POST:
        return HttpResponseBadRequest(
            "The preview needs the page's text in a field called “content”.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        html = render_markdown(request.POST["content"])
    except MarkdownError as error:
        # Shown calmly where the preview would be; saving gives the same message.
        html = format_html('<p class="preview-problem">The preview cannot show this: {}</p>', error)
    return HttpResponse(html)
