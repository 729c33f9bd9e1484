"""Volunteering's pages (/volunteering/, /en/volunteering/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("volunteering/", views.index, name="index"),
    path("volunteering/<int:pk>/", views.detail, name="detail"),
    path("volunteering/<int:pk>/signed-up/", views.signed_up, name="signed_up"),
    path("volunteering/<int:pk>/calendar.ics", views.ical, name="ical"),
    path("volunteering/post/", views.post, name="post"),
    path("volunteering/post/sent/", views.posted, name="posted"),
    path(
        "volunteering/confirm/<str:token>/", views.confirm_email, name="confirm_email"
    ),
    path("volunteering/organizer/<str:token>/", views.organizer, name="organizer"),
    path(
        "volunteering/certificate/<str:token>/",
        views.certificate,
        name="certificate",
    ),
    path("volunteering/verify/", views.verify, name="verify"),
]

neutral_urlpatterns = []
