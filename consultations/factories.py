"""Consultation cases in every state, for tests and the demo.

`CaseFactory()` makes a confirmed, new case of a directory organization;
the helpers move one along as a consultant would (assign, hold a session,
close, get feedback), through the same service functions as the admin.

    case = closed(CaseFactory(), outcome=Case.Outcome.RESOLVED)
"""

import datetime
import uuid

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from directory.factories import OrganizationFactory
from hub.factories import UserFactory
from hub.roles import CONSULTANTS
from taxonomy.factories import municipality

from . import casework
from .models import Case, CaseDocument, CaseNote, CaseSession


def consultant(username="consultant"):
    """The consultant `username`: made once; an existing user is left as it
    is (re-running UserFactory would reset its password)."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = UserFactory(username=username, role=CONSULTANTS)
    user.groups.add(Group.objects.get(name=CONSULTANTS))
    return user


class CaseFactory(factory.django.DjangoModelFactory):
    """A confirmed new request of a directory organization, due in two weeks.

    Pass `organization=None, group_name=...` for a group not in the directory;
    `status=Case.Status.UNCONFIRMED` for a request not yet confirmed.
    """

    class Meta:
        model = Case
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    group_name = ""
    municipality = factory.LazyAttribute(
        lambda case: (
            casework.organization_municipality(case.organization)
            if case.organization
            else municipality("telavi")
        )
    )
    contact_name = "ნინო კაპანაძე"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    contact_phone = "+995 555 12 34 56"
    kind = Case.Kind.LEGAL
    question = (
        "როგორ დავარეგისტრიროთ ორგანიზაცია არასამეწარმეო (არაკომერციულ) "
        "იურიდიულ პირად და რა დოკუმენტები გვჭირდება?"
    )
    urgency = Case.Urgency.NORMAL
    preferred_mode = Case.Mode.OFFICE
    language = "ka"
    consent_given_at = factory.LazyFunction(timezone.now)
    requested_at = factory.LazyFunction(timezone.now)
    submission_key = factory.LazyFunction(uuid.uuid4)
    status = Case.Status.NEW
    confirmed_at = factory.LazyAttribute(
        lambda case: (
            None if case.status == Case.Status.UNCONFIRMED else case.requested_at
        )
    )
    due_date = factory.LazyAttribute(
        lambda case: (
            None
            if case.status == Case.Status.UNCONFIRMED
            else timezone.localtime(case.requested_at).date()
            + datetime.timedelta(days=14)
        )
    )


def assign(case, to=None):
    case.assignee = to or consultant()
    case.status = Case.Status.ASSIGNED
    case.save()
    return case


def session(case, days_ago=0, minutes=60, mode=Case.Mode.OFFICE, summary="", by=None):
    return CaseSession.objects.create(
        case=case,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        duration_minutes=minutes,
        mode=mode,
        consultant=by or case.assignee,
        summary=summary,
    )


def note(case, text, by=None):
    return CaseNote.objects.create(case=case, text=text, written_by=by or case.assignee)


def document(case, name="წესდება.pdf", content=b"%PDF-1.4\n%%EOF\n", title="", by=None):
    from django.core.files.base import ContentFile

    item = CaseDocument(case=case, title=title, uploaded_by=by or case.assignee)
    item.file.save(name, ContentFile(content), save=False)
    item.original_name = name
    item.size = len(content)
    item.save()
    return item


def closed(case, outcome=Case.Outcome.RESOLVED, ask_feedback=True):
    """Closed as a consultant closes it (sessions are up to the caller)."""
    if case.assignee_id is None:
        assign(case)
    case.status = Case.Status.CLOSED
    case.outcome = outcome
    case.save()
    if ask_feedback:
        casework.request_feedback(case)
    return case


def with_feedback(case, satisfaction=5, comment=""):
    casework.record_feedback(case, satisfaction, comment)
    case.refresh_from_db()
    return case
