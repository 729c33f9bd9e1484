"""The public error pages, in the language of the address that failed.

A 400 can be raised before LocaleMiddleware has chosen the request's language
(e.g. a form too large to read, refused while the request is first read), and
the language left active by the thread's previous request would answer. The
language of the address (none for Georgian, /en/) decides here instead.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.template.response import TemplateResponse
from django.utils import translation


def _answer_for_a_known_host(request):
    """A request whose Host is not ours is answered as if to the first of
    ALLOWED_HOSTS: the page's absolute links would otherwise ask for the bad
    Host again, and the 400 page would become a 500."""
    try:
        request.get_host()
    except DisallowedHost:
        request.META.pop("HTTP_X_FORWARDED_HOST", None)
        request.META["HTTP_HOST"] = next(
            (h for h in settings.ALLOWED_HOSTS if h not in ("*", "") and h[0] != "."),
            "localhost",
        )


def bad_request(request, exception=None):
    _answer_for_a_known_host(request)
    language = (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        response = TemplateResponse(request, "400.html", {}, status=400)
        response.render()
    return response
