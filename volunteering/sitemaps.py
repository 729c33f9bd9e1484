"""Volunteering in the sitemap: its listing and every open opportunity, in
both languages (an opportunity has one address per language prefix)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from hub.sitemaps import AlternatesSitemap

from .models import Opportunity


def _paths(name, **kwargs):
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths[code] = reverse(name, kwargs=kwargs or None)
    return paths


class VolunteeringPagesSitemap(AlternatesSitemap):
    def items(self):
        return ["volunteering:index", "volunteering:post", "volunteering:verify"]

    def language_paths(self, item):
        return _paths(item)


class OpportunitySitemap(AlternatesSitemap):
    def items(self):
        return list(
            Opportunity.objects.open().order_by("pk").values("pk", "updated_at")
        )

    def language_paths(self, item):
        return _paths("volunteering:detail", pk=item["pk"])

    def lastmod(self, item):
        return item["updated_at"]
