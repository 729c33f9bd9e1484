"""Unconfirmed requests are deleted after the confirmation period, with the
personal data their history rows hold; confirmed cases are kept."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.factories import CaseFactory
from consultations.models import Case

pytestmark = pytest.mark.django_db


def test_old_unconfirmed_requests_go_with_their_history(home_pages):
    old = timezone.now() - datetime.timedelta(days=8)
    stale = CaseFactory(status=Case.Status.UNCONFIRMED, requested_at=old)
    fresh = CaseFactory(status=Case.Status.UNCONFIRMED)
    confirmed = CaseFactory(requested_at=old)
    assert Case.history.filter(id=stale.pk).exists()

    call_command("expire_unconfirmed_consultations")

    assert set(Case.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}
    assert not Case.history.filter(id=stale.pk).exists()
    assert Case.history.filter(id=confirmed.pk).exists()


def test_the_period_can_be_given(home_pages):
    CaseFactory(
        status=Case.Status.UNCONFIRMED,
        requested_at=timezone.now() - datetime.timedelta(days=3),
    )

    call_command("expire_unconfirmed_consultations", days=2)

    assert Case.objects.count() == 0
