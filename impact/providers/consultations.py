"""Consultations given, by kind: counts only (`consultations.statistics`),
never a case's content or who asked."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from consultations.models import Case
from consultations.statistics import consultation_counts

from .. import report
from ..figures import Figure, Section, Table


def section(period, municipalities):
    counts = [
        count
        for count in consultation_counts(period.start, period.end)
        if period.municipality is None or count.municipality == period.municipality.slug
    ]
    by_kind = {kind: [0, 0] for kind in Case.Kind.values}
    for count in counts:
        by_kind[count.kind][0] += count.requests
        by_kind[count.kind][1] += count.consulted
    return Section(
        key="consultations",
        title=_("Consultations"),
        figures=[
            Figure(
                "consultations_given",
                _("consultations given (requests with at least one session held)"),
                sum(count.consulted for count in counts),
                report.consulted(),
            ),
            Figure(
                "consultation_requests",
                _("consultation requests received"),
                sum(count.requests for count in counts),
            ),
        ],
        tables=[
            Table(
                "consultations-by-kind",
                _("Consultations by kind"),
                [
                    _("Kind"),
                    pgettext("consultations", "Requests"),
                    _("Consultations given"),
                ],
                [[str(label), *by_kind[value]] for value, label in Case.Kind.choices],
                chart=2,
            )
        ],
    )
