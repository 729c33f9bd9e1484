"""Initiatives in the sitemap: the list, the form and every published one.

An initiative is written in one language, but its page (and the interface
around it) exists under both language prefixes.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from hub.sitemaps import AlternatesSitemap
from initiatives.models import Initiative


def _path(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


class InitiativePagesSitemap(AlternatesSitemap):
    def items(self):
        return ["initiatives:index", "initiatives:submit"]

    def language_paths(self, item):
        return {code: _path(code, item) for code, _name in settings.LANGUAGES}


class InitiativeSitemap(AlternatesSitemap):
    """Published initiatives only (`live`): never a draft, never the author."""

    def items(self):
        return list(
            Initiative.objects.filter(live=True)
            .order_by("pk")
            .values("pk", "last_published_at", "stage_changed_at")
        )

    def language_paths(self, item):
        return {
            code: _path(code, "initiatives:detail", pk=item["pk"])
            for code, _name in settings.LANGUAGES
        }

    def lastmod(self, item):
        dates = [d for d in (item["last_published_at"], item["stage_changed_at"]) if d]
        return max(dates).date() if dates else None
