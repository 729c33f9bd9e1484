"""Machine-readable outputs of the editorial site: RSS, iCalendar, sitemap, robots.

Feeds are per language: the URL's language prefix (none for Georgian, /en/)
picks the locale whose pages are listed.
"""

from datetime import datetime, time
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.calendar import calendar_for
from home.models import EventPage, NewsPage
from hub.sitemaps import AlternatesSitemap

FEED_ITEMS = 20
CALENDAR_ITEMS = 200


class NewsFeed(Feed):
    """The latest news of the active language, as RSS 2.0."""

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Locale.get_active()

    def title(self, locale):
        return _("Kakheti Hub: news")

    def description(self, locale):
        return _("The latest news of the Kakheti Regional Hub.")

    def link(self, locale):
        return reverse("wagtail_serve", args=[""])

    def feed_url(self, locale):
        return reverse("news_feed")

    def items(self, locale):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"news-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time.min))


def events_calendar(request):
    """All upcoming events of the active language, as one iCalendar feed."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=Locale.get_active(), end__gte=timezone.now())
        .select_related("municipality")
        .order_by("start", "pk")[:CALENDAR_ITEMS]
    )
    response = HttpResponse(
        calendar_for(events, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="kakheti-hub-events.ics"'
    return response


class BilingualSitemap(AlternatesSitemap):
    """The live pages of every translation of the site's root, each at its own
    language's URL, with the other languages' versions as alternates."""

    def items(self):
        root = self.get_wagtail_site().root_page
        paths = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        pages = Page.objects.none()
        for path in paths:
            pages |= Page.objects.filter(path__startswith=path)
        pages = pages.live().public().select_related("locale").order_by("path")
        groups = {}
        for page in pages.defer_streamfields():
            groups.setdefault(page.translation_key, []).append(page)
        return list(groups.values())

    def language_paths(self, item):
        paths = {}
        for page in item:
            url = page.get_url(self.request)
            if url:
                paths[page.locale.language_code] = urlsplit(url).path
        return paths

    def lastmod(self, item):
        dates = [
            page.last_published_at or page.latest_revision_created_at for page in item
        ]
        dates = [date for date in dates if date]
        return max(dates).date() if dates else None


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
