"""The site's URLs plus two bare views the rules are checked against."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def sets_cookie(request):
    response = HttpResponse("<p>with a cookie</p>")
    response.set_cookie("chosen", "1")
    return response


def plain(request):
    return HttpResponse(f"<p>plain {request.GET.get('n', '')}</p>")


urlpatterns = [
    path("test-page-cache/sets-cookie/", sets_cookie),
    path("test-page-cache/plain/", plain),
    *site_urlpatterns,
]
