"""The demo desk: about forty cases over the last year, in every state.

One test, because building the directory's demo under it takes a while.
"""

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.utils import timezone

from consultations import demo
from consultations.models import Case, CaseDocument, CaseSession
from directory import demo as directory_demo
from hub import demo as hub_demo

pytestmark = pytest.mark.django_db


def test_the_demo_desk(home_pages):
    hub_demo.build()
    directory_demo.build()
    demo.build()
    cases = Case.objects.all()

    # Every state, kind and outcome.
    assert 35 <= cases.count() <= 45
    assert set(cases.values_list("status", flat=True)) == set(Case.Status.values)
    assert set(cases.values_list("kind", flat=True)) == set(Case.Kind.values)
    outcomes = set(cases.exclude(outcome="").values_list("outcome", flat=True))
    assert outcomes == set(Case.Outcome.values)

    # Over the last year; some overdue, some to follow up.
    ages = [(timezone.now() - case.requested_at).days for case in cases]
    assert max(ages) > 300 and min(ages) < 7
    assert Case.objects.overdue().exists()
    assert cases.filter(follow_up_date__isnull=False).exists()

    # Directory organizations (and a few groups), sessions, feedback, files.
    with_organization = cases.filter(organization__isnull=False)
    assert with_organization.count() >= 30
    assert all(case.organization.is_sample for case in with_organization)
    assert cases.filter(organization__isnull=True).exclude(group_name="").exists()
    assert CaseSession.objects.count() >= 40
    assert cases.filter(satisfaction__isnull=False).count() >= 5
    assert CaseDocument.objects.count() >= 1
    assert set(
        cases.exclude(assignee=None).values_list("assignee__username", flat=True)
    ) == {"consultant"}

    # Georgian text from the domain.
    for case in cases:
        assert any("\u10d0" <= char <= "\u10ff" for char in case.question)

    # The demo login still works, and building again adds nothing.
    assert authenticate(
        RequestFactory().post("/admin/login/"),
        username="consultant",
        password=hub_demo.DEMO_PASSWORD,
    )
    demo.build()
    assert Case.objects.count() == cases.count()
