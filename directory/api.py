"""The read-only JSON API of the directory (/api/v1/organizations/).

The serializer's fields are `PUBLIC_FIELDS` plus identifiers: a private
field cannot appear unless someone adds it to that one list.
"""

from django.conf import settings
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, serializers, viewsets
from rest_framework.pagination import PageNumberPagination
from wagtail.models import Locale

from directory.forms import PublicOrganizationFilterSet
from directory.models import Organization
from directory.public_fields import PUBLIC_FIELDS
from taxonomy.models import Municipality, Topic

LANGUAGE_PARAMETER = OpenApiParameter(
    "language",
    str,
    enum=[code for code, _name in settings.LANGUAGES],
    description=(
        "Language of the data (default: ka). Organizations not yet translated "
        "into it are served in Georgian; see each item's `language`."
    ),
)


def requested_locale(request):
    """The Locale named by ?language= (Georgian by default); 400 if unknown."""
    code = request.GET.get("language") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise exceptions.ValidationError({"language": [f"Unknown language {code!r}."]})
    return locale


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["slug", "name_ka", "name_en"]


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name_ka", "name_en"]


class OrganizationSerializer(serializers.ModelSerializer):
    """An organization's public fields, in the order of `PUBLIC_FIELDS`."""

    language = serializers.CharField(source="locale.language_code", read_only=True)
    municipalities = MunicipalitySerializer(many=True, read_only=True)
    fields_of_work = TopicSerializer(many=True, read_only=True)
    logo = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = ["id", "translation_key", "language", *PUBLIC_FIELDS, "url"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_logo(self, organization):
        if not organization.logo:
            return None
        request = self.context.get("request")
        url = organization.logo.file.url
        return request.build_absolute_uri(url) if request else url

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, organization):
        request = self.context.get("request")
        url = organization.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class OrganizationPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


@extend_schema_view(
    list=extend_schema(
        summary="List the organizations of the directory",
        parameters=[LANGUAGE_PARAMETER],
    ),
    retrieve=extend_schema(
        summary="One organization, by id or by slug",
        parameters=[
            LANGUAGE_PARAMETER,
            OpenApiParameter(
                "id",
                str,
                OpenApiParameter.PATH,
                description="The numeric id, or the slug (in ?language=).",
            ),
        ],
    ),
)
class OrganizationAPIViewSet(viewsets.ReadOnlyModelViewSet):
    """Live organizations of the directory, filtered like the directory page."""

    serializer_class = OrganizationSerializer
    pagination_class = OrganizationPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = PublicOrganizationFilterSet
    lookup_url_kwarg = "id"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # Schema generation (also run by `check --deploy`, possibly before
            # any migration): the model is all it needs, not the database.
            return Organization.objects.none()
        return Organization.objects.listed(requested_locale(self.request))

    def get_object(self):
        lookup = self.kwargs["id"]
        # ASCII digits only: '²'.isdigit() is true, int('²') fails.
        if lookup.isascii() and lookup.isdigit():
            locale_id = (
                Organization.objects.filter(pk=lookup, live=True)
                .values_list("locale_id", flat=True)
                .first()
            )
            found = (
                Organization.objects.public(Locale.objects.get(pk=locale_id))
                .filter(pk=lookup)
                .first()
                if locale_id
                else None
            )
        else:
            found = self.get_queryset().filter(slug=lookup).first()
        if found is None:
            raise exceptions.NotFound()
        return found
