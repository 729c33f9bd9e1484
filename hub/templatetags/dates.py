"""Dates as people read them, and as machines do: one `<time>` element.

Every public date goes through `{% date_time value %}` so that the site has
one style per language (DATE_FORMAT / DATETIME_FORMAT of config/formats) and
a machine-readable `datetime` attribute on every date.
"""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.simple_tag
def date_time(value, with_time=False, css_class=""):
    """`<time datetime="ISO">27 ნოემბერი 2026</time>`; with_time adds ", 18:00".

    A date without a time, or `with_time` false, shows the date only.
    """
    if value in (None, ""):
        return ""
    value = _local(value)
    is_datetime = isinstance(value, datetime.datetime)
    if with_time and is_datetime:
        text = formats.date_format(value, "DATETIME_FORMAT")
        machine = value.isoformat(timespec="minutes")
    else:
        text = formats.date_format(value, "DATE_FORMAT")
        machine = (value.date() if is_datetime else value).isoformat()
    if css_class:
        return format_html(
            '<time class="{}" datetime="{}">{}</time>', css_class, machine, text
        )
    return format_html('<time datetime="{}">{}</time>', machine, text)


@register.filter
def as_date(value):
    """The date in the site's one style, as text (e-mails, sentences)."""
    if value in (None, ""):
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return formats.date_format(value, "DATE_FORMAT")


@register.simple_tag
def date_time_range(start, end):
    """ "27 ნოემბერი 2026, 11:00 – 14:00", or two full dates across days."""
    start, end = _local(start), _local(end)
    first = date_time(start, with_time=True)
    if start.date() == end.date():
        last = format_html(
            '<time datetime="{}">{}</time>',
            end.isoformat(timespec="minutes"),
            formats.time_format(end, "TIME_FORMAT"),
        )
    else:
        last = date_time(end, with_time=True)
    return format_html("{} – {}", first, last)
