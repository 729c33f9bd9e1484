"""The public error pages, in the language of the address that failed.

A 400 can be raised before LocaleMiddleware has chosen the request's language
(e.g. a form too large to read, refused while the request is first read), and
the language left active by the thread's previous request would answer. The
language of the address (none for Georgian, /en/) decides here instead.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation


def bad_request(request, exception=None):
    language = (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        response = TemplateResponse(request, "400.html", {}, status=400)
        response.render()
    return response
