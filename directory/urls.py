"""Public pages (under the language prefix) and language-neutral open data."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from directory import api, downloads, views

urlpatterns = [
    path("organizations/", views.organization_index, name="index"),
    path("organizations/propose/", views.organization_proposal, name="propose"),
    path(
        "organizations/propose/thanks/", views.proposal_thanks, name="proposal_thanks"
    ),
    path("organizations/data/", views.open_data, name="open_data"),
    path("organizations/<str:slug>/", views.organization_detail, name="detail"),
]

router = SimpleRouter()
router.register(
    "organizations", api.OrganizationAPIViewSet, basename="directory_api_organization"
)

neutral_urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="directory_api_schema"),
    path(
        "data/organizations.csv",
        downloads.organizations_csv,
        name="directory_data_csv",
    ),
    path(
        "data/organizations.json",
        downloads.organizations_json,
        name="directory_data_json",
    ),
    path(
        "data/organizations.xlsx",
        downloads.organizations_xlsx,
        name="directory_data_xlsx",
    ),
]
