"""The public timeline of an initiative: what happened, in the order it happened.

The submission, the council's acceptance and the advocacy steps come from three
places (two fields and a related table); merged here into one list sorted by
date, then by the order in which steps follow each other on the same day.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AdvocacyStep

#: Within one day: submitted, accepted, sent, answered, outcome.
STEP_ORDER = {
    "submitted": 0,
    "accepted": 1,
    AdvocacyStep.Kind.SENT: 2,
    AdvocacyStep.Kind.ANSWER: 3,
    AdvocacyStep.Kind.OUTCOME: 4,
}


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date
    kind: str
    label: str
    text: str = ""
    letter: object = None
    position: int = 0  # ties on the same day and kind: the order of entry

    @property
    def sort_key(self):
        return (self.date, STEP_ORDER.get(self.kind, len(STEP_ORDER)), self.position)


def _day(value):
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def timeline(initiative, steps):
    """The entries of `initiative`'s public timeline, oldest first."""
    entries = [
        TimelineEntry(
            _day(initiative.submitted_at), "submitted", _("Submitted by the author")
        )
    ]
    if initiative.accepted_at:
        entries.append(
            TimelineEntry(
                _day(initiative.accepted_at),
                "accepted",
                _("Accepted for advocacy by the advisory council"),
            )
        )
    for step in steps:
        entries.append(
            TimelineEntry(
                step.date,
                step.kind,
                step.label,
                text=step.text,
                letter=step.letter,
                position=step.pk or 0,
            )
        )
    return sorted(entries, key=lambda entry: entry.sort_key)
