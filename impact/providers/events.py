"""Events held and their attendance reports (home.EventPage).

An event exists once per language (a page and its translations): each is
counted once, from its Georgian page when there is one. Only events that
have started count as held; participants and organizations come from the
report editors fill in after the event.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import EventPage, EventType
from hub import page_tree

from .. import report
from ..figures import Figure, Section, Table

#: The event types the report counts as "information and discussion meetings".
MEETING_TYPES = (EventType.INFORMATION_MEETING, EventType.DISCUSSION)


@dataclass(frozen=True)
class HeldEvent:
    pk: int
    title: str
    day: object  # date, in the site's time zone
    municipality_id: int
    event_type: str
    participants: int
    organizations: int
    has_report: bool


def held_events():
    """Every event held so far, one row per event (not per language)."""
    default_locale = page_tree.default_locale_id()
    rows = (
        EventPage.objects.live()
        .filter(start__lte=timezone.now())
        .order_by()
        .values_list(
            "pk",
            "translation_key",
            "locale_id",
            "title",
            "start",
            "municipality_id",
            "event_type",
            "participants_count",
            "organizations_count",
        )
    )
    chosen = {}
    for row in rows:
        key, locale = row[1], row[2]
        if key not in chosen or locale == default_locale:
            chosen[key] = row
    events = []
    for row in chosen.values():
        pk, _key, _locale, title, start, place, kind, participants, organizations = row
        events.append(
            HeldEvent(
                pk=pk,
                title=title,
                day=timezone.localtime(start).date(),
                municipality_id=place,
                event_type=kind,
                participants=participants or 0,
                organizations=organizations or 0,
                has_report=participants is not None or organizations is not None,
            )
        )
    events.sort(key=lambda event: (event.day, event.pk))
    return events


def in_period(events, period):
    return [
        event
        for event in events
        if period.contains(event.day)
        and (
            period.municipality is None
            or event.municipality_id == period.municipality_id
        )
    ]


def section(period, municipalities):
    every = held_events()
    events = in_period(every, period)
    meetings = sum(1 for event in events if event.event_type in MEETING_TYPES)
    participants = sum(event.participants for event in events)
    organizations = sum(event.organizations for event in events)
    by_type = defaultdict(lambda: [0, 0, 0])
    for event in events:
        cells = by_type[event.event_type]
        cells[0] += 1
        cells[1] += event.participants
        cells[2] += event.organizations
    by_place = defaultdict(lambda: [0, 0])
    for event in events:
        by_place[event.municipality_id][0] += 1
        by_place[event.municipality_id][1] += event.participants
    years = Counter()
    year_participants = Counter()
    for event in every:
        if (
            period.municipality is None
            or event.municipality_id == period.municipality_id
        ):
            years[event.day.year] += 1
            year_participants[event.day.year] += event.participants
    return Section(
        key="events",
        title=_("Meetings and events"),
        figures=[
            Figure(
                "meetings",
                _("information and discussion meetings held"),
                meetings,
                report.meetings(),
            ),
            Figure("events", _("events held (all types)"), len(events)),
            Figure(
                "participants",
                _("participants (from the events' attendance reports)"),
                participants,
                report.participants(),
            ),
            Figure(
                "organizations_represented",
                _("organizations represented (summed over events)"),
                organizations,
            ),
            Figure(
                "events_reported",
                _("events with an attendance report"),
                sum(1 for event in events if event.has_report),
            ),
        ],
        tables=[
            Table(
                "events-by-type",
                _("Events by type"),
                [
                    _("Type"),
                    _("Events"),
                    _("Participants"),
                    _("Organizations represented"),
                ],
                [
                    [str(label), *by_type[value]]
                    for value, label in EventType.choices
                    if value in by_type
                ],
            ),
            Table(
                "events-by-municipality",
                _("Events by municipality"),
                [_("Municipality"), _("Events"), _("Participants")],
                [
                    [municipality.name, *by_place[municipality.pk]]
                    for municipality in municipalities
                    if municipality.pk in by_place
                ],
            ),
            Table(
                "participants-by-year",
                _("Events and participants by year (every year)"),
                [_("Year"), _("Events"), _("Participants")],
                [
                    [year, years[year], year_participants[year]]
                    for year in sorted(years)
                ],
                chart=2,
            ),
        ],
    )
