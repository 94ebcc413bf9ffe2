from django import template

from content import review

register = template.Library()


@register.inclusion_tag("admin/includes/waiting_panel.html", takes_context=True)
def waiting_for_sign_off(context):
    """The admin front page's panel of what waits for a medical reviewer."""
    user = context["request"].user
    if not user.has_perm("content.view_page"):
        return {"show": False}
    return {
        "show": True,
        "waiting": review.waiting_pages(),
        "can_sign_off": review.can_sign_off(user),
    }
