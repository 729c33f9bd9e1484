"""The site's URLs plus bare views the rules are checked against."""

from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def sets_cookie(request):
    response = HttpResponse("<p>with a cookie</p>")
    response.set_cookie("chosen", "1")
    return response


def plain(request):
    return HttpResponse(f"<p>plain {request.GET.get('n', '')}</p>")


def _public_content(body):
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}' + body + "{% endblock %}"
    )

    def view(request):
        return TemplateResponse(request, template, {"cache_content": True})

    return view


urlpatterns = [
    path("test-page-cache/content/", _public_content("<p>the same for all</p>")),
    path(
        "test-page-cache/content-form/",
        _public_content('<form method="post">{% csrf_token %}</form>'),
    ),
    path("test-page-cache/sets-cookie/", sets_cookie),
    path("test-page-cache/plain/", plain),
    *site_urlpatterns,
]
