"""The field-by-field history of organizations (django-simple-history)."""

import pytest

from directory.factories import OrganizationFactory
from directory.models import Organization
from taxonomy.factories import municipality
from tests.directory.test_admin import changes_url, edit_url, form_data


@pytest.fixture
def organization(db):
    return OrganizationFactory(
        name="ლაგოდეხის ფერმერთა კავშირი",
        municipalities=["lagodekhi"],
        fields_of_work=["agriculture"],
        phone="+995 350 111 111",
    )


def test_admin_change_appears_with_author_and_both_values(
    comms_client, comms_user, organization
):
    response = comms_client.post(
        edit_url(organization),
        form_data(
            organization,
            phone="+995 350 222 222",
            municipalities=[municipality("lagodekhi").pk, municipality("kvareli").pk],
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302

    page = comms_client.get(changes_url(organization))

    content = page.content.decode()
    assert page.status_code == 200
    latest = page.context["entries"][0]
    assert latest["user"] == comms_user
    changes = {name: (old, new) for name, _label, old, new in latest["changes"]}
    assert changes == {
        "phone": ("+995 350 111 111", "+995 350 222 222"),
        "municipalities": ("ლაგოდეხი", "ყვარელი, ლაგოდეხი"),
    }
    assert "comms" in content
    assert "+995 350 111 111" in content and "+995 350 222 222" in content


def test_saved_draft_does_not_appear_as_history(comms_client, organization):
    rows_before = organization.history.count()

    response = comms_client.post(
        edit_url(organization),
        form_data(organization, description="დრაფტი, ჯერ არ გამოქვეყნებულა"),
    )
    assert response.status_code == 302

    organization.refresh_from_db()
    assert organization.has_unpublished_changes
    assert organization.history.count() == rows_before
    assert "დრაფტი" not in comms_client.get(changes_url(organization)).content.decode()


def test_locking_leaves_no_history_row(organization, admin_user):
    rows_before = organization.history.count()

    organization.locked = True
    organization.locked_by = admin_user
    organization.save(update_fields=["locked", "locked_by"])

    assert organization.history.count() == rows_before


def test_publishing_the_draft_then_records_it(comms_client, organization):
    comms_client.post(
        edit_url(organization), form_data(organization, description="ახალი აღწერა")
    )
    revision = Organization.objects.get(pk=organization.pk).latest_revision

    revision.publish()

    latest = organization.history.order_by("-history_id").first()
    assert latest.description == "ახალი აღწერა"


def test_history_view_needs_change_permission(client, council_members, organization):
    client.force_login(council_members[0])

    response = client.get(changes_url(organization))

    assert response.status_code in (302, 403)


def test_unknown_organization_history_is_404(admin_client):
    response = admin_client.get(changes_url(Organization(pk=987654)))

    assert response.status_code == 404
