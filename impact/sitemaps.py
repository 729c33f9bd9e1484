"""The impact page in the sitemap, in both languages."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from hub.sitemaps import AlternatesSitemap


class ImpactSitemap(AlternatesSitemap):
    def items(self):
        return ["impact:index"]

    def language_paths(self, item):
        paths = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                paths[code] = reverse(item)
        return paths
