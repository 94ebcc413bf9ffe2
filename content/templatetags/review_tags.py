from django import template

from content import review

register = template.Library()
PANEL_LENGTH = 5


@register.inclusion_tag("admin/includes/waiting_panel.html", takes_context=True)
def waiting_for_sign_off(context):
    """The admin front page's panel of what waits for a medical reviewer."""
    user = context["request"].user
    if not user.has_perm("content.view_page"):
        return {"show": False}
    # A few of each, with counts: the front page stays small however many wait.
    waiting = {
        kind: {"first": list(queryset[:PANEL_LENGTH]), "count": queryset.count()}
        for kind, queryset in review.waiting_pages().items()
    }
    return {"show": True, "waiting": waiting, "can_sign_off": review.can_sign_off(user)}
