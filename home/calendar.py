"""iCalendar output of events, built with the `icalendar` package."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Kakheti Hub//Events//EN"


def calendar_for(events, request):
    """The events as one iCalendar (bytes); URLs absolute for the request's host."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Kakheti Hub events"))
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    language = get_language() or "ka"
    stamp = timezone.now()
    for page in events:
        event = Event()
        # The same event in each language shares its translation key.
        event.add("uid", f"{page.translation_key}-{language}@kakheti-hub")
        event.add("dtstamp", stamp)
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("summary", page.title)
        event.add("description", page.lead)
        location = ", ".join(
            part for part in (page.venue, page.municipality.name) if part
        )
        event.add("location", location)
        event.add("url", request.build_absolute_uri(page.get_url(request)))
        event.add("categories", [page.get_event_type_display()])
        calendar.add_component(event)
    return calendar.to_ical()
