"""Pages that must never be kept by a browser's or a proxy's cache.

Every response to a signed-in person answers `Cache-Control: private, no-store` (their pages
show personal data: profiles, participant lists, registrations, exports), and so do the pages
a visitor reaches with a personal secret or a form of their own: invitation links, the
account pages (sign-in, sign-up, password reset and e-mail confirmation keys) and certificate
verification (it names the holder). Visitors' public pages keep their caching.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PRIVATE_PREFIXES = ("/invitations/", "/accounts/", "/certificates/verify/")
PRIVATE = "private, no-store"
# Directives that a private, unstored response must not keep.
_REPLACED = {"public", "private", "no-store", "max-age", "s-maxage"}


def make_private(response: HttpResponse) -> None:
    """Set `private, no-store`, keeping the response's other directives (no-cache, ...)."""
    kept = [
        directive.strip()
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip() and directive.split("=")[0].strip().lower() not in _REPLACED
    ]
    response["Cache-Control"] = ", ".join([PRIVATE, *kept])


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or request.path_info.startswith(PRIVATE_PREFIXES):
            make_private(response)
        return response
