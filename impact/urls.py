from django.urls import path

from . import views

urlpatterns = [
    path("impact/", views.index, name="index"),
    path("impact/<slug:key>.<str:extension>", views.download, name="download"),
]
neutral_urlpatterns = []
