"""Volunteering: attendances the organizations confirmed, and their hours,
by the opportunity's municipality and the day the hours were confirmed."""

from collections import Counter

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from volunteering.models import SignUp

from ..figures import Figure, Section, Table


def section(period, municipalities):
    start, end = period.aware_bounds()
    confirmed = SignUp.objects.filter(
        attended=True, minutes__gt=0, hours_confirmed_at__isnull=False
    ).order_by()
    if start is not None:
        confirmed = confirmed.filter(hours_confirmed_at__gte=start)
    if end is not None:
        confirmed = confirmed.filter(hours_confirmed_at__lt=end)
    rows = confirmed.values_list("opportunity__municipality_id").annotate(
        count=Count("pk"), minutes=Sum("minutes")
    )
    attendances_by, minutes_by = Counter(), Counter()
    for municipality_id, count, minutes in rows:
        attendances_by[municipality_id] = count
        minutes_by[municipality_id] = minutes or 0
    if period.municipality is None:
        attendances = sum(attendances_by.values())
        minutes = sum(minutes_by.values())
    else:
        attendances = attendances_by[period.municipality_id]
        minutes = minutes_by[period.municipality_id]
    return Section(
        key="volunteering",
        title=_("Volunteering"),
        figures=[
            Figure(
                "volunteer_attendances",
                _("volunteers who came, as the organizations confirmed"),
                attendances,
            ),
            Figure(
                "volunteer_hours",
                _("confirmed volunteer hours"),
                round(minutes / 60),
            ),
        ],
        tables=[
            Table(
                "volunteering-by-municipality",
                _("Volunteering by municipality"),
                [_("Municipality"), _("Volunteers who came"), _("Confirmed hours")],
                [
                    [
                        municipality.name,
                        attendances_by[municipality.pk],
                        round(minutes_by[municipality.pk] / 60),
                    ]
                    for municipality in municipalities
                ],
                chart=2,
            )
        ],
    )
