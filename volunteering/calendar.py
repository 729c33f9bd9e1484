"""An opportunity with dates as an iCalendar entry (all-day event)."""

import datetime

from icalendar import Calendar, Event


def ics(opportunity, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Kakheti Hub//Volunteering//KA")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"volunteering-{opportunity.pk}@kakheti-hub")
    event.add("summary", opportunity.title)
    event.add("dtstart", opportunity.starts_on)
    event.add("dtend", opportunity.last_day + datetime.timedelta(days=1))
    event.add("dtstamp", opportunity.updated_at)
    place = ", ".join(
        part
        for part in (
            opportunity.place,
            opportunity.municipality.name if opportunity.municipality else "",
        )
        if part
    )
    if place:
        event.add("location", place)
    url = request.build_absolute_uri(opportunity.get_absolute_url())
    event.add("url", url)
    event.add(
        "description",
        f"{opportunity.organization.name}\n\n{opportunity.description}\n\n{url}",
    )
    calendar.add_component(event)
    return calendar.to_ical()
