from .events import EventIndexPage, EventPage, EventType
from .news import NewsIndexPage, NewsPage
from .outreach import OutreachTopicPage
from .pages import HomePage, StandardPage
from .site_settings import SiteContactSettings

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventType",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "OutreachTopicPage",
    "SiteContactSettings",
    "StandardPage",
]
