"""The founding report's three-year figures, quoted beside the computed ones.

Copied from the hub's three-year results report (Media Center Kakheti,
"Civil Society Development Initiative", from 2017; summarised in the project's
domain notes). They are history, never recomputed; the page labels them as
the report's. The time bank's "about 600 registered" lives with the time bank
(`timebank.statistics.REPORT_REGISTERED`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

#: "About 100 information and discussion meetings" (EU Association
#: Agreement, DCFTA), in the report's three years.
REPORT_MEETINGS = 100
#: "Legal, organizational and informational consultations to about 50
#: organizations and initiative groups".
REPORT_CONSULTED = 50
#: "More than 5,000 civil-society representatives and active citizens took
#: part in its trainings, meetings, forums and events".
REPORT_PARTICIPANTS = 5000


@dataclass(frozen=True)
class ReportFigure:
    """A figure of the report: how it is written and what it counts."""

    value: str
    label: str


def meetings():
    return ReportFigure(
        _("about %(count)s") % {"count": REPORT_MEETINGS},
        str(_("information and discussion meetings in three years")),
    )


def participants():
    return ReportFigure(
        _("more than %(count)s") % {"count": f"{REPORT_PARTICIPANTS:,}"},
        str(_("participants in trainings, meetings, forums and events in three years")),
    )


def consulted():
    return ReportFigure(
        _("about %(count)s") % {"count": REPORT_CONSULTED},
        str(_("organizations and initiative groups consulted in three years")),
    )


def registered(count):
    return ReportFigure(
        _("about %(count)s") % {"count": count},
        str(_("people registered for the time bank")),
    )
