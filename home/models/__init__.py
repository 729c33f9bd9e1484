from .events import EventIndexPage, EventPage, EventType
from .links import EventPageOrganization, NewsPageOrganization
from .news import NewsIndexPage, NewsPage
from .outreach import OutreachTopicPage
from .pages import HomePage, StandardPage
from .site_settings import SiteContactSettings

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventPageOrganization",
    "EventType",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageOrganization",
    "OutreachTopicPage",
    "SiteContactSettings",
    "StandardPage",
]
