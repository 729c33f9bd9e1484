"""The time bank: approved members and hours exchanged (helpers' side of
every exchange not reversed, as `timebank.statistics` counts them)."""

from collections import Counter

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from timebank.models import Member
from timebank.statistics import REPORT_REGISTERED, exchanged_movements

from .. import report
from ..figures import Figure, Section, Table


def section(period, municipalities):
    _start, end = period.aware_bounds()
    members = Member.objects.filter(status=Member.Status.APPROVED).order_by()
    if end is not None:
        members = members.filter(Q(decided_at__lt=end) | Q(decided_at__isnull=True))
    members_by = Counter(
        dict(members.values_list("municipality_id").annotate(count=Count("pk")))
    )
    exchanged = exchanged_movements()
    if period.start is not None:
        exchanged = exchanged.filter(transfer__occurred_on__gte=period.start)
    if period.end is not None:
        exchanged = exchanged.filter(transfer__occurred_on__lte=period.end)
    minutes_by = Counter(
        dict(
            exchanged.order_by()
            .values_list("account__member__municipality_id")
            .annotate(minutes=Sum("amount"))
        )
    )
    if period.municipality is None:
        member_count = sum(members_by.values())
        minutes = sum(minutes_by.values())
    else:
        member_count = members_by[period.municipality_id]
        minutes = minutes_by[period.municipality_id]
    return Section(
        key="timebank",
        title=_("Time bank"),
        figures=[
            Figure(
                "timebank_members",
                _("time-bank members (approved)"),
                member_count,
                report.registered(REPORT_REGISTERED),
            ),
            Figure(
                "timebank_hours",
                _("hours exchanged in the time bank"),
                round(minutes / 60),
            ),
        ],
        tables=[
            Table(
                "timebank-by-municipality",
                _("Time bank by municipality"),
                [_("Municipality"), _("Members"), _("Hours exchanged")],
                [
                    [
                        municipality.name,
                        members_by[municipality.pk],
                        round(minutes_by[municipality.pk] / 60),
                    ]
                    for municipality in municipalities
                ],
                chart=2,
            )
        ],
    )
