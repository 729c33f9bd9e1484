"""Data for the impact tests: a little of every app, made as staff and
citizens make it (factories through the apps' own services)."""

import datetime

import pytest
from django.utils import timezone

from consultations.factories import CaseFactory, closed, session
from consultations.models import Case
from directory.factories import OrganizationFactory
from home.factories import EventPageFactory, add_translation, news_and_event_pages
from home.factories import home_pages as build_home_pages
from home.models import EventType
from hub.factories import UserFactory
from hub.roles import ADVISORY_COUNCIL
from initiatives.factories import accepted, add_step, in_moderation
from initiatives.models import AdvocacyStep
from taxonomy.factories import municipality
from tests.module_data import built_once_per_module
from timebank.factories import MemberFactory, exchange
from timebank.models import Member

IMPACT_URL = "/impact/"
IMPACT_URL_EN = "/en/impact/"


def days_ago(days, hour=11):
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def event(index, days, kind=EventType.INFORMATION_MEETING, place="telavi", **fields):
    start = days_ago(days)
    return EventPageFactory(
        parent=index,
        start=start,
        end=start + datetime.timedelta(hours=2),
        event_type=kind,
        municipality=municipality(place),
        **fields,
    )


def make_event_index(home_pages):
    news_index, event_index = news_and_event_pages(home_pages["ka"])
    add_translation(event_index, title="Events")
    return event_index


@pytest.fixture
def event_index(home_pages):
    return make_event_index(home_pages)


@pytest.fixture
def impact_data(event_index, council_members):
    """Events (one translated, one future, one without a report), cases in
    several states, organizations, initiatives at every measure, members."""
    return make_impact_data(event_index, council_members)


@pytest.fixture(scope="module")
def module_impact_data(django_db_setup, django_db_blocker):
    """`impact_data`, made once for a module whose every test may see it
    (tests/module_data.py): such a module overrides `impact_data` with a
    deep copy of it. Its own home pages, event index and council members
    (as tests/conftest.py's `council_members`)."""

    def build():
        council_members = [
            UserFactory(username=f"council{n}", role=ADVISORY_COUNCIL)
            for n in (1, 2, 3)
        ]
        event_index = make_event_index(build_home_pages())
        return make_impact_data(event_index, council_members)

    yield from built_once_per_module(django_db_blocker, build)


def make_impact_data(event_index, council_members):
    held = event(event_index, 3, participants_count=30, organizations_count=5)
    add_translation(held, title="Meeting", participants_count=30)
    event(event_index, 400, EventType.DISCUSSION, "gurjaani", participants_count=12)
    event(event_index, 40, EventType.TRAINING, "gurjaani", participants_count=20)
    event(event_index, 10, EventType.FORUM, "kvareli")  # no report
    event(event_index, -5, participants_count=99)  # not held yet

    organizations = [
        OrganizationFactory(municipalities=["telavi"]),
        OrganizationFactory(municipalities=["gurjaani", "telavi"]),
        OrganizationFactory(municipalities=["kvareli"]),
    ]
    given = CaseFactory(organization=organizations[0], kind=Case.Kind.LEGAL)
    session(closed(given, ask_feedback=False))
    CaseFactory(organization=organizations[1], kind=Case.Kind.ORGANIZATIONAL)
    informational = CaseFactory(
        organization=None,
        group_name="ახალგაზრდები",
        municipality=municipality("kvareli"),
        kind=Case.Kind.INFORMATIONAL,
    )
    session(closed(informational, ask_feedback=False))
    CaseFactory(organization=organizations[2], status=Case.Status.UNCONFIRMED)

    in_moderation(municipality=municipality("telavi"))
    advocated = accepted(members=council_members, municipality=municipality("gurjaani"))
    add_step(advocated, AdvocacyStep.Kind.SENT, days_ago=20)
    add_step(
        advocated,
        AdvocacyStep.Kind.OUTCOME,
        days_ago=2,
        outcome=AdvocacyStep.Outcome.IMPLEMENTED,
    )
    accepted(members=council_members, municipality=municipality("telavi"))

    helper = MemberFactory(municipality=municipality("telavi"))
    helped = MemberFactory(municipality=municipality("kvareli"))
    MemberFactory(status=Member.Status.PENDING)
    exchange(helper, helped, minutes=120)
    return {"organizations": organizations}


def figures_of(response):
    """{figure key: value} of the impact page's context."""
    return {
        figure.key: figure.value
        for section, _tables in response.context["sections"]
        for figure in section.figures
    }
