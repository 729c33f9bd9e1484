"""A sitemap whose entries exist in several languages, each with its alternates.

Every app lists its public objects with a subclass (`language_paths` and
`lastmod` per item); `config/urls.py` composes them into one /sitemap.xml.
Each language version is one <url>, carrying the hreflang alternates of all
versions and an x-default pointing at the Georgian one, as search engines ask.
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap


class AlternatesSitemap(Sitemap):
    """Items are objects; `language_paths(item)` gives {language: path}."""

    limit = 5000

    def language_paths(self, item):
        raise NotImplementedError

    def lastmod(self, item):
        return None

    def absolute(self, path):
        # On the host the sitemap was asked for, like the feeds.
        return self.request.build_absolute_uri(path) if self.request else path

    def _urls(self, page, protocol, domain):
        urls = []
        lastmods = []
        for item in self.paginator.page(page).object_list:
            paths = {code: path for code, path in self.language_paths(item).items()}
            if not paths:
                continue
            alternates = [
                {"lang_code": code, "location": self.absolute(path)}
                for code, path in paths.items()
            ]
            if len(paths) > 1 and settings.LANGUAGE_CODE in paths:
                alternates.append(
                    {
                        "lang_code": "x-default",
                        "location": self.absolute(paths[settings.LANGUAGE_CODE]),
                    }
                )
            lastmod = self.lastmod(item)
            lastmods.append(lastmod)
            for path in paths.values():
                urls.append(
                    {
                        "item": item,
                        "location": self.absolute(path),
                        "lastmod": lastmod,
                        "changefreq": None,
                        "priority": "",
                        "alternates": alternates if len(paths) > 1 else [],
                    }
                )
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
