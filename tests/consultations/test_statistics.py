"""The desk's counts for the impact page and the dashboard: equal to an
independent count of the data, and made from the counted fields only."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.factories import CaseFactory, closed, session
from consultations.models import Case
from consultations.statistics import ConsultationCount, consultation_counts, desk_counts
from taxonomy.factories import municipality

pytestmark = pytest.mark.django_db

TBILISI = datetime.timezone(datetime.timedelta(hours=4))


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=TBILISI)


@pytest.fixture
def cases(home_pages):
    made = []
    plan = [
        (at(2025, 3, 1), "telavi", "legal", 2, True),
        (at(2025, 3, 9), "telavi", "legal", 0, False),
        (at(2025, 6, 1), "telavi", "informational", 1, True),
        (at(2025, 12, 31, 23), "akhmeta", "legal", 1, False),  # 19:00 UTC
        (at(2026, 1, 1, 1), "akhmeta", "legal", 1, False),  # 2025 in UTC
        (at(2026, 2, 1), "kvareli", "organizational", 3, True),
        (at(2026, 2, 2), "kvareli", "other", 0, True),
    ]
    for when, place, kind, sessions, close in plan:
        case = CaseFactory(
            organization=None,
            group_name=f"ჯგუფი {len(made)}",
            municipality=municipality(place),
            kind=kind,
            requested_at=when,
        )
        for n in range(sessions):
            session(case, days_ago=n)
        if close:
            closed(case)
        made.append(case)
    # Never counted: a request nobody confirmed.
    CaseFactory(status=Case.Status.UNCONFIRMED, requested_at=at(2025, 3, 2))
    return made


def independent_count(cases, start=None, end=None):
    """The same figures, by walking the cases in Python."""
    requests, consulted, done = Counter(), Counter(), Counter()
    for case in Case.objects.exclude(status=Case.Status.UNCONFIRMED):
        local = timezone.localtime(case.requested_at)
        if (start and local.date() < start) or (end and local.date() > end):
            continue
        key = (local.year, case.municipality.slug, case.kind)
        requests[key] += 1
        consulted[key] += case.sessions.exists()
        done[key] += case.status == Case.Status.CLOSED
    return [
        ConsultationCount(*key, requests[key], consulted[key], done[key])
        for key in sorted(requests)
    ]


def test_the_counts_equal_an_independent_count(cases):
    counts = consultation_counts()

    assert counts == independent_count(cases)
    assert sum(row.requests for row in counts) == 7  # the unconfirmed one is not
    by_year = Counter()
    for row in counts:
        by_year[row.year] += row.requests
    # New Year's Eve in Tbilisi is 2025, 1 a.m. on 1 January is 2026.
    assert by_year == {2025: 4, 2026: 3}


def test_the_counts_of_a_period(cases):
    start, end = datetime.date(2025, 3, 5), datetime.date(2026, 1, 31)

    counts = consultation_counts(start, end)

    assert counts == independent_count(cases, start, end)
    assert sum(row.requests for row in counts) == 4


def test_the_counts_read_no_personal_data_and_take_one_query(cases):
    with CaptureQueriesContext(connection) as queries:
        consultation_counts()

    [query] = queries.captured_queries
    sql = query["sql"].lower()
    for private in (
        "question",
        "contact_",
        "group_name",
        "organization_id",
        "assignee",
        "feedback",
        "tracking",
    ):
        assert private not in sql, private


def test_the_dashboard_counts(cases):
    today = timezone.localdate()
    for n, case in enumerate(cases):
        case.due_date = today + datetime.timedelta(days=1 if n % 2 else -1)
        case.save()

    counts = desk_counts()

    assert counts["closed"] == 4
    assert counts["new"] + counts["assigned"] == 3
    # Open (not closed) and due yesterday: cases 0 (closed), 2 (closed), 4, 6
    # (closed) -> only case 4.
    assert counts["overdue"] == 1
    assert "unconfirmed" not in counts
