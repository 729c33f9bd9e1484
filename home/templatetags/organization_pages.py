"""News and events about an organization, for the directory's organization page.

The directory sits below the editorial site and does not know its pages; the
organization's template loads these tags to show them.
"""

from django import template

from home.linked import pages_naming
from home.models import EventPage, NewsPage

register = template.Library()


@register.simple_tag
def news_about(organization):
    return pages_naming(NewsPage, organization, "-date")


@register.simple_tag
def events_with(organization):
    return pages_naming(EventPage, organization, "-start")
