"""Counts of the consultation desk's work, with no personal data.

For the impact page and the home page's figures (apps above this one read
them) and for the staff dashboard. Only `public_fields.COUNTED_FIELDS` are
read (tests/consultations/test_statistics.py checks the queries): no name,
no question, no organization.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from .models import Case


@dataclass(frozen=True)
class ConsultationCount:
    """Confirmed requests of one kind, from one municipality, in one year."""

    year: int  # the year the request was received (Asia/Tbilisi)
    municipality: str  # taxonomy.Municipality slug
    kind: str  # Case.Kind value: legal, organizational, informational, other
    requests: int  # confirmed requests received
    consulted: int  # of those, with at least one session held ("given")
    closed: int  # of those, closed by now


def consultation_counts(start=None, end=None):
    """Counts of confirmed consultation requests by year, municipality and kind.

    `start` and `end` (dates, both included) limit the requests counted by
    the day they were received. Unconfirmed requests are never counted. A
    request counts in the year it was received; "consulted" says how many
    of them had at least one session held, at any date (a consultation
    "given", as the hub's report counts them). One query; rows sorted by
    year, municipality and kind; combinations with no request are absent.
    """
    cases = Case.objects.confirmed()
    if start is not None:
        cases = cases.filter(requested_at__date__gte=start)
    if end is not None:
        cases = cases.filter(requested_at__date__lte=end)
    rows = (
        cases.annotate(
            year=ExtractYear("requested_at", tzinfo=timezone.get_current_timezone())
        )
        .values("year", "municipality__slug", "kind")
        .annotate(
            requests=Count("pk", distinct=True),
            consulted=Count("pk", distinct=True, filter=Q(sessions__isnull=False)),
            closed=Count("pk", distinct=True, filter=Q(status=Case.Status.CLOSED)),
        )
        .order_by("year", "municipality__slug", "kind")
    )
    return [
        ConsultationCount(
            year=row["year"],
            municipality=row["municipality__slug"],
            kind=row["kind"],
            requests=row["requests"],
            consulted=row["consulted"],
            closed=row["closed"],
        )
        for row in rows
    ]


def desk_counts():
    """{status: count} of confirmed cases, plus "overdue": for the dashboard."""
    counts = dict(
        Case.objects.confirmed()
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    result = {
        status: counts.get(status, 0)
        for status in Case.Status.values
        if status != Case.Status.UNCONFIRMED
    }
    result["overdue"] = Case.objects.overdue().count()
    return result
