"""Each figure of /impact/ equals an independent count of the data, made
here with a different query (the ORM's counts and sums, not the providers'
rows), for all time, for a year and for a municipality."""

import copy

import pytest
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Locale

from consultations.models import Case
from directory.models import Organization
from home.models import EventPage, EventType
from initiatives.models import AdvocacyStep, Initiative
from taxonomy.factories import municipality
from tests.impact.conftest import IMPACT_URL, figures_of
from timebank.models import Member, Movement, Transfer

pytestmark = pytest.mark.django_db

MEETINGS = (EventType.INFORMATION_MEETING, EventType.DISCUSSION)


@pytest.fixture
def impact_data(module_impact_data, db):
    """Made once for this module (tests/impact/conftest.py): its tests read
    it, and the others here count nothing it would change."""
    return copy.deepcopy(module_impact_data)


def held(year=None, place=None):
    events = EventPage.objects.live().filter(
        locale=Locale.get_default(), start__lte=timezone.now()
    )
    if year:
        events = events.filter(start__year=year)
    if place:
        events = events.filter(municipality__slug=place)
    return events


def given(year=None, place=None):
    cases = Case.objects.exclude(status=Case.Status.UNCONFIRMED).filter(
        sessions__isnull=False
    )
    if year:
        cases = cases.filter(requested_at__year=year)
    if place:
        cases = cases.filter(municipality__slug=place)
    return cases.distinct().count()


def initiatives(place=None):
    rows = Initiative.objects.exclude(stage=Initiative.Stage.UNCONFIRMED)
    steps = AdvocacyStep.objects.all()
    if place:
        rows = rows.filter(municipality__slug=place)
        steps = steps.filter(initiative__municipality__slug=place)
    return {
        "initiatives_received": rows.count(),
        "initiatives_accepted": rows.filter(accepted_at__isnull=False).count(),
        "initiatives_advocated": steps.filter(kind=AdvocacyStep.Kind.SENT)
        .values("initiative")
        .distinct()
        .count(),
        "initiatives_implemented": rows.filter(
            stage__in=(
                Initiative.Stage.IMPLEMENTED,
                Initiative.Stage.PARTIALLY_IMPLEMENTED,
            )
        ).count(),
    }


def hours_exchanged(place=None):
    movements = Movement.objects.filter(
        transfer__kind=Transfer.Kind.EXCHANGE, amount__gt=0
    )
    if place:
        movements = movements.filter(account__member__municipality__slug=place)
    return round((movements.aggregate(total=Sum("amount"))["total"] or 0) / 60)


def test_all_time_figures_equal_independent_counts(client, impact_data):
    figures = figures_of(client.get(IMPACT_URL))

    events = held()
    assert figures["meetings"] == events.filter(event_type__in=MEETINGS).count() == 2
    assert figures["events"] == events.count() == 4
    assert (
        figures["participants"]
        == events.aggregate(s=Sum("participants_count"))["s"]
        == 62
    )
    assert figures["organizations_represented"] == 5
    assert (
        figures["events_reported"]
        == events.exclude(participants_count=None, organizations_count=None).count()
    )
    assert figures["consultations_given"] == given() == 2
    assert figures["consultation_requests"] == Case.objects.confirmed().count() == 3
    assert (
        figures["organizations"]
        == Organization.objects.filter(live=True, locale=Locale.get_default()).count()
        == 3
    )
    for key, value in initiatives().items():
        assert figures[key] == value, key
    assert figures["initiatives_implemented"] == 1
    assert (
        figures["timebank_members"]
        == Member.objects.filter(status=Member.Status.APPROVED).count()
        == 2
    )
    assert figures["timebank_hours"] == hours_exchanged() == 2


def test_a_years_figures_count_that_year_only(client, impact_data):
    year = (timezone.localdate() - timezone.timedelta(days=400)).year

    figures = figures_of(client.get(IMPACT_URL, {"year": year}))

    events = held(year=year)
    assert figures["events"] == events.count() >= 1
    assert figures["meetings"] == events.filter(event_type__in=MEETINGS).count()
    assert figures["participants"] == (
        events.aggregate(s=Sum("participants_count"))["s"] or 0
    )
    assert figures["consultations_given"] == given(year=year)


def test_a_municipalitys_figures_count_that_municipality_only(client, impact_data):
    figures = figures_of(client.get(IMPACT_URL, {"municipality": "gurjaani"}))

    events = held(place="gurjaani")
    assert figures["events"] == events.count() == 2
    assert figures["participants"] == 32
    assert figures["consultations_given"] == given(place="gurjaani") == 0
    assert (
        figures["organizations"]
        == Organization.objects.filter(
            live=True,
            locale=Locale.get_default(),
            municipalities=municipality("gurjaani"),
        ).count()
        == 1
    )
    for key, value in initiatives("gurjaani").items():
        assert figures[key] == value, key
    assert figures["timebank_members"] == 0
    assert figures["timebank_hours"] == hours_exchanged("gurjaani") == 0
    telavi = figures_of(client.get(IMPACT_URL, {"municipality": "telavi"}))
    assert telavi["timebank_hours"] == hours_exchanged("telavi") == 2


def test_profile_updates_count_changes_after_the_day_an_organization_was_added(
    client, impact_data
):
    [updated, *_fresh] = impact_data["organizations"]
    # Added last year: move its first history rows back in time.
    a_year_ago = timezone.now() - timezone.timedelta(days=366)
    Organization.history.filter(id=updated.pk).update(history_date=a_year_ago)
    updated.description = "ახალი აღწერა."
    updated.save()

    figures = figures_of(client.get(IMPACT_URL))

    # The two others were only added (and published) today: not an update.
    assert figures["organizations_updated"] == 1


def test_the_tables_add_up_to_the_figures(client, impact_data):
    response = client.get(IMPACT_URL)
    figures = figures_of(response)
    tables = {
        table.key: table
        for _s, tables in response.context["sections"]
        for table, _c in tables
    }

    assert sum(row[1] for row in tables["events-by-type"].rows) == figures["events"]
    assert (
        sum(row[2] for row in tables["consultations-by-kind"].rows)
        == figures["consultations_given"]
    )
    by_place = tables["initiatives-by-municipality"].rows
    assert sum(row[1] for row in by_place) == figures["initiatives_received"]
    assert sum(row[2] for row in by_place) == figures["initiatives_accepted"]
    assert (
        sum(row[1] for row in tables["timebank-by-municipality"].rows)
        == figures["timebank_members"]
    )


def test_volunteering_counts_the_attendances_and_hours_organizations_confirmed(
    client, db
):
    from volunteering import hours
    from volunteering.factories import OpportunityFactory, SignUpFactory
    from volunteering.models import SignUp

    in_telavi = OpportunityFactory()
    in_kvareli = OpportunityFactory(municipality=municipality("kvareli"))
    for opportunity, minutes in ((in_telavi, 150), (in_telavi, 90), (in_kvareli, 60)):
        hours.confirm(
            SignUpFactory(opportunity=opportunity), attended=True, minutes=minutes
        )
    hours.confirm(SignUpFactory(opportunity=in_telavi), attended=False)
    SignUpFactory(opportunity=in_kvareli)  # not confirmed yet

    def confirmed(place=None):
        rows = SignUp.objects.filter(attended=True, hours_confirmed_at__isnull=False)
        if place:
            rows = rows.filter(opportunity__municipality__slug=place)
        return rows.count(), round((rows.aggregate(m=Sum("minutes"))["m"] or 0) / 60)

    everywhere = figures_of(client.get(IMPACT_URL))
    telavi = figures_of(client.get(IMPACT_URL, {"municipality": "telavi"}))

    assert (
        (everywhere["volunteer_attendances"], everywhere["volunteer_hours"])
        == (confirmed())
        == (3, 5)
    )
    assert (
        (telavi["volunteer_attendances"], telavi["volunteer_hours"])
        == (confirmed("telavi"))
        == (2, 4)
    )
