"""Input no real visitor sends, refused before any view sees it."""

from django.core.exceptions import SuspiciousOperation

from hub.errors import bad_request


def _has_nul(query_dict):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )


class RejectNulBytesMiddleware:
    """A NUL byte in the path or in a parameter answers 400 (the site's 400 page).

    Browsers never send one, PostgreSQL refuses it in any text column
    (`DataError`, a 500), and every form, filter and lookup would otherwise
    have to guard against it: one check here covers all of them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted_form = request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        )
        if (
            "\x00" in request.path
            or _has_nul(request.GET)
            or (posted_form and _has_nul(request.POST))
        ):
            return bad_request(request, SuspiciousOperation("NUL byte in the request"))
        return self.get_response(request)
