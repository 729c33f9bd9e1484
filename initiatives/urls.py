"""Public pages (under the language prefix) and language-neutral data downloads."""

from django.urls import path

from . import exports, views

urlpatterns = [
    path("initiatives/", views.initiative_index, name="index"),
    path("initiatives/submit/", views.initiative_submit, name="submit"),
    path("initiatives/submit/sent/", views.submitted, name="submitted"),
    path("initiatives/confirm/<str:token>/", views.confirm, name="confirm"),
    path("initiatives/track/<slug:token>/", views.track, name="track"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="detail"),
]

neutral_urlpatterns = [
    path("data/initiatives.csv", exports.initiatives_csv, name="initiatives_data_csv"),
    path(
        "data/initiatives.json", exports.initiatives_json, name="initiatives_data_json"
    ),
]
