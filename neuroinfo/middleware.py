from csp.utils import build_policy
from django.conf import settings
from django.middleware.security import SecurityMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers


def headers_on_early_answers(get_response):
    """The security headers on answers made before the middleware that adds them ran.

    A bad Host header is refused (400) inside SecurityMiddleware, the first in
    the list, so neither it nor CSP, X-Frame-Options or Permissions-Policy saw
    that answer. This comes before all of them and adds whatever is missing,
    with the same values; an answer that already has a header keeps its own.
    """
    security = SecurityMiddleware(get_response)

    def middleware(request):
        response = get_response(request)
        if "Content-Security-Policy" not in response and not getattr(
            response, "_csp_exempt", False
        ):
            response["Content-Security-Policy"] = build_policy()
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return security.process_response(request, response)

    return middleware


def permissions_policy(get_response):
    """Send Permissions-Policy, which Django's SecurityMiddleware does not yet set."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def private_when_signed_in(get_response):
    """Mark every response to a signed-in user private, so no shared cache keeps it.

    A staff member sees drafts at public addresses. Only requests that carry a
    session cookie are looked at: reading the session for anyone else would add
    `Vary: Cookie` to every public page.
    """

    def middleware(request):
        response = get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    return middleware
