from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


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
