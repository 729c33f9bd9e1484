"""Citizens' initiatives: received, accepted, advocated, implemented.

- received: confirmed submissions (every stage but "unconfirmed"), by the
  day they were submitted;
- accepted: accepted for advocacy by the council, by `accepted_at`;
- advocated: sent to the municipality, by the date of the first "sent"
  advocacy step;
- implemented: fully or partly, by the date of the outcome step.
Counts only: no title, no author.
"""

from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from initiatives.models import AdvocacyStep, Initiative

from ..figures import Figure, Section, Table

IMPLEMENTED = (
    AdvocacyStep.Outcome.IMPLEMENTED,
    AdvocacyStep.Outcome.PARTIALLY_IMPLEMENTED,
)
MEASURES = ("received", "accepted", "advocated", "implemented")


def dated_events():
    """[(measure, municipality id, date)], one per initiative and measure."""
    found = []
    municipality_of = {}
    for pk, municipality_id, submitted, accepted in (
        Initiative.objects.exclude(stage=Initiative.Stage.UNCONFIRMED)
        .order_by()
        .values_list("pk", "municipality_id", "submitted_at", "accepted_at")
    ):
        municipality_of[pk] = municipality_id
        found.append(
            ("received", municipality_id, timezone.localtime(submitted).date())
        )
        if accepted is not None:
            found.append(
                ("accepted", municipality_id, timezone.localtime(accepted).date())
            )
    sent, implemented = {}, {}
    for initiative_id, kind, outcome, day in (
        AdvocacyStep.objects.filter(
            kind__in=(AdvocacyStep.Kind.SENT, AdvocacyStep.Kind.OUTCOME)
        )
        .order_by()
        .values_list("initiative_id", "kind", "outcome", "date")
    ):
        if kind == AdvocacyStep.Kind.SENT:
            sent[initiative_id] = min(day, sent.get(initiative_id, day))
        elif outcome in IMPLEMENTED:
            implemented[initiative_id] = max(day, implemented.get(initiative_id, day))
    for measure, dates in (("advocated", sent), ("implemented", implemented)):
        for pk, day in dates.items():
            if pk in municipality_of:
                found.append((measure, municipality_of[pk], day))
    return found


def section(period, municipalities):
    counts = {measure: Counter() for measure in MEASURES}
    for measure, municipality_id, day in dated_events():
        if period.contains(day):
            counts[measure][municipality_id] += 1

    def total(measure):
        if period.municipality is None:
            return sum(counts[measure].values())
        return counts[measure][period.municipality_id]

    return Section(
        key="initiatives",
        title=_("Citizens' initiatives"),
        figures=[
            Figure(
                "initiatives_received", _("initiatives received"), total("received")
            ),
            Figure(
                "initiatives_accepted",
                _("initiatives accepted for advocacy by the advisory council"),
                total("accepted"),
            ),
            Figure(
                "initiatives_advocated",
                _("initiatives sent to the municipality"),
                total("advocated"),
            ),
            Figure(
                "initiatives_implemented",
                _("initiatives implemented, fully or partly"),
                total("implemented"),
            ),
        ],
        tables=[
            Table(
                "initiatives-by-municipality",
                _("Initiatives by municipality"),
                [
                    _("Municipality"),
                    pgettext("initiatives", "Received"),
                    pgettext("initiatives", "Accepted"),
                    _("Sent to the municipality"),
                    pgettext("initiatives", "Implemented"),
                ],
                [
                    [municipality.name]
                    + [counts[measure][municipality.pk] for measure in MEASURES]
                    for municipality in municipalities
                ],
            )
        ],
    )
