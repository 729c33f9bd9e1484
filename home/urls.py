"""Feeds under the language prefix; sitemap and robots.txt language-neutral."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from home import feeds

urlpatterns = [
    path("feeds/news.xml", feeds.NewsFeed(), name="news_feed"),
    path("feeds/events.ics", feeds.events_calendar, name="events_calendar"),
]

neutral_urlpatterns = [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": feeds.BilingualSitemap}},
        name="sitemap",
    ),
    path("robots.txt", feeds.robots_txt, name="robots_txt"),
]
