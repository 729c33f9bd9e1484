"""Feeds under the language prefix; robots.txt (and the sitemap, composed in
config/urls.py) language-neutral."""

from django.urls import path

from home import feeds

urlpatterns = [
    path("feeds/news.xml", feeds.NewsFeed(), name="news_feed"),
    path("feeds/events.ics", feeds.events_calendar, name="events_calendar"),
]

#: The editorial pages' part of /sitemap.xml; config/urls.py adds the other
#: apps' parts (an app does not know the apps beside it).
SITEMAPS = {"pages": feeds.BilingualSitemap}

neutral_urlpatterns = [
    path("robots.txt", feeds.robots_txt, name="robots_txt"),
]
