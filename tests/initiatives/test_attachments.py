"""Citizens' attachments: stored privately, opened only by the staff who review.

Issue 10, defect 2, and issue 12, "Major 5": attachments lived under the
public media folder and no review screen showed them.
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from initiatives import factories, journey, uploads
from initiatives.models import InitiativeAttachment
from tests.initiatives.admin_helpers import assert_denied, url
from tests.initiatives.public_helpers import files_on_disk, pdf, png, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(moderator, council_members):
    photo = uploads.validate_attachment(png("street.png"))
    plan = uploads.validate_attachment(pdf("plan.pdf"))
    return factories.in_moderation(attachments=[photo, plan])


def attachment_url(attachment):
    return url("attachment", attachment.initiative_id, attachment.pk)


def test_files_are_stored_privately_and_have_no_public_url(initiative, settings):
    stored = files_on_disk(settings)

    assert len(stored) == 2
    assert all(settings.PRIVATE_MEDIA_ROOT in path.parents for path in stored)
    assert not any(settings.MEDIA_ROOT in path.parents for path in stored)
    attachment = initiative.attachments.first()
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018


@pytest.mark.parametrize("role", ["moderator", "council", "admin"])
def test_reviewers_open_the_attachments(
    client, initiative, moderator, council_members, admin_user, role
):
    user = {"moderator": moderator, "council": council_members[0]}.get(role, admin_user)
    client.force_login(user)
    photo, plan = initiative.attachments.order_by("sort_order", "pk")

    response = client.get(attachment_url(photo))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]

    response = client.get(attachment_url(plan))
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="plan.pdf"' in response["Content-Disposition"]


def test_anonymous_visitors_are_sent_to_the_login(client, initiative):
    for attachment in initiative.attachments.all():
        response = client.get(attachment_url(attachment))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_communications_staff_may_not_open_them(client, initiative, comms_user):
    client.force_login(comms_user)
    attachment = initiative.attachments.first()

    assert_denied(client.get(attachment_url(attachment)))


def test_an_attachment_of_another_initiative_is_not_found(
    client, initiative, moderator
):
    other = factories.in_moderation()
    client.force_login(moderator)
    attachment = initiative.attachments.first()

    response = client.get(url("attachment", other.pk, attachment.pk))

    assert response.status_code == 404


def test_review_screens_list_them_with_links_for_reviewers_only(
    client, initiative, moderator, council_members, comms_user
):
    photo = initiative.attachments.get(original_name="street.png")
    link = attachment_url(photo)

    client.force_login(moderator)
    assert link in client.get(url("edit", initiative.pk)).text
    client.force_login(council_members[0])
    assert link in client.get(url("inspect", initiative.pk)).text
    client.force_login(comms_user)
    inspect = client.get(url("inspect", initiative.pk)).text
    assert "street.png" in inspect
    assert link not in inspect


def test_files_go_with_their_initiative(
    initiative, settings, django_capture_on_commit_callbacks
):
    draft = factories.InitiativeFactory(
        attachments=[uploads.validate_attachment(png("draft.png"))]
    )
    assert len(files_on_disk(settings)) == 3

    with django_capture_on_commit_callbacks(execute=True):
        with journey.as_of(
            draft.submitted_at.replace(year=draft.submitted_at.year + 1)
        ):
            journey.expire_unconfirmed()

    assert len(files_on_disk(settings)) == 2
    assert not InitiativeAttachment.objects.filter(initiative_id=draft.pk).exists()


def test_the_migration_moves_existing_files_out_of_the_public_folder(
    initiative, settings
):
    """Files uploaded before the private store existed sit under MEDIA_ROOT."""
    migration = importlib.import_module(
        "initiatives.migrations.0006_private_attachments"
    )
    attachment = initiative.attachments.first()
    name = attachment.file.name
    content = attachment.file.storage.open(name).read()
    attachment.file.storage.delete(name)
    default_storage.save(name, ContentFile(content))  # where it used to be

    migration.move_attachments_to_private_storage(django_apps, None)
    migration.move_attachments_to_private_storage(django_apps, None)  # idempotent

    assert not default_storage.exists(name)
    assert attachment.file.storage.open(name).read() == content
    assert not any(settings.MEDIA_ROOT in p.parents for p in files_on_disk(settings))
