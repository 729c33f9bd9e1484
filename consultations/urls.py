"""Public pages of the consultation desk (under the language prefix).

No language-neutral URLs: nothing of a case is open data (counts are read
through `consultations.statistics` by the apps above).
"""

from django.urls import path

from . import views

urlpatterns = [
    path("consultations/request/", views.request_form, name="request"),
    path("consultations/request/sent/", views.request_sent, name="request_sent"),
    path("consultations/confirm/<str:token>/", views.confirm, name="confirm"),
    path("consultations/track/<slug:token>/", views.track, name="track"),
    path("consultations/feedback/<str:token>/", views.feedback, name="feedback"),
]

neutral_urlpatterns = []
