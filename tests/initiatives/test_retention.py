"""The author's personal data go a set time after the final outcome (issue 12).

`anonymise_initiative_authors` (daily) removes name, e-mail, phone, postal
address and attachments from the initiative, its history rows and its
revisions; the initiative stays public with its timeline.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from initiatives import factories, journey, uploads
from initiatives.models import Initiative, InitiativeAttachment
from tests.initiatives.admin_helpers import url
from tests.initiatives.public_helpers import files_on_disk, png

pytestmark = pytest.mark.django_db

NAME = "Qwzretention Namezzq"
EMAIL = "qwz-retention@example.org"
PHONE = "+995 577 31 41 59"
ADDRESS = "Qwzaddress street 7, Kvareli"
MARKERS = ("Qwzretention", "Namezzq", "qwz-retention", "577 31 41 59", "Qwzaddress")


def author(**kwargs):
    return {
        "author_name": NAME,
        "author_email": EMAIL,
        "author_phone": PHONE,
        "author_address": ADDRESS,
        "attachments": [uploads.validate_attachment(png("face.png"))],
        **kwargs,
    }


def implemented(council_members, days_ago, **kwargs):
    """Accepted, then implemented `days_ago` days ago (its final outcome)."""
    initiative = factories.accepted(council_members, days_ago=days_ago + 60, **kwargs)
    factories.add_step(initiative, "sent", days_ago=days_ago + 30)
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    with journey.as_of(moment):
        factories.add_step(
            initiative, "outcome", days_ago=days_ago, outcome="implemented"
        )
    initiative.refresh_from_db()
    return initiative


def dump():
    """Everything stored about initiatives: rows, history, revisions, logs."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        "initiatives",
        "wagtailcore.revision",
        "wagtailcore.modellogentry",
        "wagtailcore.taskstate",
        stdout=out,
    )
    return out.getvalue()


def anonymise(**options):
    out = io.StringIO()
    call_command("anonymise_initiative_authors", stdout=out, **options)
    return out.getvalue()


def test_the_authors_data_go_and_the_initiative_stays(
    client, moderator, council_members, settings, django_capture_on_commit_callbacks
):
    initiative = implemented(council_members, days_ago=200, **author())
    # Its life left the data in the row, the history and the revisions:
    stored = dump()
    assert all(marker in stored for marker in MARKERS)  # positive control
    assert len(files_on_disk(settings)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        output = anonymise()

    assert f"#{initiative.pk}" in output
    assert "Anonymised 1 initiative author(s)." in output
    stored = dump()
    assert [marker for marker in MARKERS if marker in stored] == []
    assert files_on_disk(settings) == []
    assert not InitiativeAttachment.objects.exists()
    row = Initiative.objects.get(pk=initiative.pk)
    assert row.anonymised_at is not None
    assert row.stage == Initiative.Stage.IMPLEMENTED
    assert row.public_name == Initiative.PublicName.ANONYMOUS
    assert ModelLogEntry.objects.filter(
        object_id=str(row.pk), action=journey.ANONYMISE_ACTION
    ).exists()
    for revision in Revision.objects.for_instance(row):
        assert revision.content["author_email"] == ""
        assert revision.content["attachments"] == []
    # Still public, with its timeline, and the author as "Anonymous".
    page = client.get(f"/en/initiatives/{row.pk}/").text
    assert initiative.title in page
    assert "Implemented" in page and "Sent to the municipality" in page
    assert "Anonymous" in page


def test_it_is_idempotent(moderator, council_members):
    implemented(council_members, days_ago=200, **author())
    anonymise()

    assert anonymise().strip() == "Anonymised 0 initiative author(s)."


def test_only_final_outcomes_older_than_the_period(
    moderator, council_members, settings
):
    recent = implemented(council_members, days_ago=100, **author())
    still_going = factories.accepted(council_members, days_ago=400, **author())
    with journey.as_of(timezone.now() - datetime.timedelta(days=300)):
        rejected = factories.rejected(council_members, **author())
    in_moderation = factories.in_moderation(**author())

    anonymise()

    for kept in (recent, still_going, in_moderation):
        assert Initiative.objects.get(pk=kept.pk).author_email == EMAIL
    assert Initiative.objects.get(pk=rejected.pk).author_email == ""

    settings.INITIATIVE_AUTHOR_RETENTION_DAYS = 90
    anonymise()
    assert Initiative.objects.get(pk=recent.pk).author_email == ""
    assert Initiative.objects.get(pk=still_going.pk).author_email == EMAIL


def test_an_anonymised_initiative_can_still_be_edited(
    client, moderator, council_members
):
    initiative = implemented(council_members, days_ago=200, **author())
    anonymise()
    client.force_login(moderator)

    form = client.get(url("edit", initiative.pk)).text
    assert 'name="author_email"' not in form

    response = client.post(
        url("edit", initiative.pk),
        {
            "title": "A corrected title",
            "summary": initiative.summary,
            "problem": initiative.problem,
            "solution": initiative.solution,
            "request_to_municipality": initiative.request_to_municipality,
            "municipality": initiative.municipality_id,
            "language": initiative.language,
            "channel": initiative.channel,
        },
    )

    assert response.status_code == 302
    draft = Initiative.objects.get(pk=initiative.pk).get_latest_revision_as_object()
    assert draft.title == "A corrected title"
    assert draft.author_email == ""
