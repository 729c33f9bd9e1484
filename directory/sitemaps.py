"""The directory in the sitemap: its pages and every public organization.

Organizations are translated as separate rows with their own slugs; an English
visitor also sees the Georgian rows not yet translated (`listed`), so each
organization has a URL in every language.
"""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from directory.models import Organization
from hub.sitemaps import AlternatesSitemap


def _path(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def organization_paths(versions):
    """{language: path} of one organization, from its live `versions`
    ({language: slug}); an untranslated one is shown in Georgian everywhere."""
    default = versions.get(settings.LANGUAGE_CODE)
    paths = {}
    for language, _name in settings.LANGUAGES:
        slug = versions.get(language) or default
        if slug:
            paths[language] = _path(language, "directory:detail", slug=slug)
    return paths


def organization_alternate_paths(organization):
    """{language: path} of `organization`'s page in each language."""
    versions = dict(
        Organization.objects.filter(
            live=True, translation_key=organization.translation_key
        ).values_list("locale__language_code", "slug")
    )
    return organization_paths(versions)


class DirectoryPagesSitemap(AlternatesSitemap):
    """The directory's own pages: the listing, open data, the proposal form."""

    def items(self):
        return ["directory:index", "directory:open_data", "directory:propose"]

    def language_paths(self, item):
        return {code: _path(code, item) for code, _name in settings.LANGUAGES}


class OrganizationSitemap(AlternatesSitemap):
    """Every live organization, once per translation group, in both languages."""

    def items(self):
        rows = (
            Organization.objects.filter(live=True)
            .order_by("translation_key", "pk")
            .values_list(
                "translation_key",
                "locale__language_code",
                "slug",
                "last_published_at",
                "data_confirmed_on",
            )
        )
        groups = defaultdict(lambda: {"versions": {}, "lastmod": None})
        for key, language, slug, published, confirmed in rows:
            group = groups[key]
            group["versions"][language] = slug
            # Published by staff, or (imported rows) the data's confirmation.
            changed = published.date() if published else confirmed
            if changed and (group["lastmod"] is None or changed > group["lastmod"]):
                group["lastmod"] = changed
        return list(groups.values())

    def language_paths(self, item):
        return organization_paths(item["versions"])

    def lastmod(self, item):
        return item["lastmod"]
