"""The organizations admin: listing, filters, search, export, edit, permissions."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from directory.factories import OrganizationFactory
from directory.models import Organization
from taxonomy.factories import municipality, topic
from tests.admin_exports import export

PRIVATE_VALUES = {
    "contact_person": "ნინო ბერიძე",
    "contact_person_phone": "+995 599 123 456",
    "contact_person_email": "nino.private@example.org",
    "submitter_email": "proposer.private@example.org",
    "staff_notes": "შიდა შენიშვნა პერსონალისთვის",
}

LIST_URL = reverse("wagtailsnippets_directory_organization:list")


def edit_url(organization):
    return reverse(
        "wagtailsnippets_directory_organization:edit", args=[organization.pk]
    )


def changes_url(organization):
    return reverse(
        "wagtailsnippets_directory_organization:changes", args=[organization.pk]
    )


def form_data(organization, **changes):
    """The edit form as the admin would post it, with `changes` applied."""
    data = {
        "name": organization.name,
        "slug": organization.slug,
        "legal_form": organization.legal_form,
        "identification_code": organization.identification_code,
        "founding_year": organization.founding_year or "",
        "status": organization.status,
        "municipalities": [m.pk for m in organization.municipalities.all()],
        "fields_of_work": [t.pk for t in organization.fields_of_work.all()],
        "target_groups": organization.target_groups,
        "description": organization.description,
        "logo": "",
        "data_confirmed_on": organization.data_confirmed_on or "",
        "address": organization.address,
        "email": organization.email,
        "phone": organization.phone,
        "website": organization.website,
        "facebook_url": organization.facebook_url,
        "contact_person": organization.contact_person,
        "contact_person_phone": organization.contact_person_phone,
        "contact_person_email": organization.contact_person_email,
        "submitter_email": organization.submitter_email,
        "staff_notes": organization.staff_notes,
    }
    if organization.is_member:
        data["is_member"] = "on"
    data.update(changes)
    return data


def workbook_cells(response):
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [str(c) for row in sheet.iter_rows(values_only=True) for c in row]


def listed_names(response):
    return {str(o) for o in response.context["object_list"]}


@pytest.fixture
def directory(db):
    """Three organizations that differ in every filterable way."""
    old = datetime.date.today() - datetime.timedelta(days=400)
    return {
        "telavi": OrganizationFactory(
            name="თელავის მოხალისეთა კავშირი",
            municipalities=["telavi"],
            fields_of_work=["volunteering"],
            legal_form=Organization.LegalForm.UNION,
            is_member=True,
            **PRIVATE_VALUES,
        ),
        "kvareli": OrganizationFactory(
            name="ყვარლის მწვანე ალიანსი",
            municipalities=["kvareli"],
            fields_of_work=["environment"],
            status=Organization.Status.INACTIVE,
            data_confirmed_on=old,
        ),
        "sagarejo": OrganizationFactory(
            name="საგარეჯოს ქალთა ასოციაცია",
            municipalities=["sagarejo", "telavi"],
            fields_of_work=["human-rights"],
            data_confirmed_on=None,
        ),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"telavi", "kvareli", "sagarejo"}),
        ("municipality=telavi", {"telavi", "sagarejo"}),
        ("municipality=kvareli", {"kvareli"}),
        ("field_of_work=environment", {"kvareli"}),
        ("legal_form=union", {"telavi"}),
        ("is_member=true", {"telavi"}),
        ("status=inactive", {"kvareli"}),
        ("not_confirmed=true", {"kvareli", "sagarejo"}),
        ("not_confirmed=false", {"telavi"}),
        ("municipality=telavi&field_of_work=human-rights", {"sagarejo"}),
    ],
)
def test_listing_filters(admin_client, directory, query, expected):
    response = admin_client.get(f"{LIST_URL}?locale=ka&{query}")

    assert response.status_code == 200
    assert listed_names(response) == {directory[key].name for key in expected}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("მოხალისეთა", {"telavi"}),  # a whole Georgian word
        ("მოხალის", {"telavi"}),  # a part of it
        ("ალიანს", {"kvareli"}),
        ("ქალთა ასოც", {"sagarejo"}),
    ],
)
def test_listing_search_finds_georgian_words_and_parts(
    admin_client, directory, q, expected
):
    response = admin_client.get(LIST_URL, {"q": q, "locale": "ka"})

    assert response.status_code == 200
    assert listed_names(response) == {directory[key].name for key in expected}


def test_bad_filter_value_is_not_a_server_error(admin_client, directory):
    response = admin_client.get(LIST_URL, {"municipality": "atlantis"})

    assert response.status_code == 200
    assert "atlantis" in response.content.decode()


def test_csv_export_has_public_columns_and_no_private_values(admin_client, directory):
    response = export(admin_client, LIST_URL, {"export": "csv", "locale": "ka"})

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8")
    assert "თელავის მოხალისეთა კავშირი" in content
    assert "თელავი" in content  # municipality names, not ids
    assert "მოხალისეობა" in content  # field of work
    for value in PRIVATE_VALUES.values():
        assert value not in content


def test_xlsx_export_has_public_columns_and_no_private_values(admin_client, directory):
    response = export(
        admin_client,
        LIST_URL,
        {"export": "xlsx", "locale": "ka", "municipality": "kvareli"},
    )

    assert response.status_code == 200
    cells = workbook_cells(response)
    assert "ყვარლის მწვანე ალიანსი" in cells
    assert "თელავის მოხალისეთა კავშირი" not in cells  # the filter applies
    for value in PRIVATE_VALUES.values():
        assert value not in cells


def test_export_of_all_includes_no_private_values(admin_client, directory):
    response = export(admin_client, LIST_URL, {"export": "xlsx"})

    text = " ".join(workbook_cells(response))
    assert "თელავის მოხალისეთა კავშირი" in text
    for value in PRIVATE_VALUES.values():
        assert value not in text


def test_edit_page_shows_private_fields_in_staff_only_panel(admin_client, directory):
    response = admin_client.get(edit_url(directory["telavi"]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "დახურული (მხოლოდ თანამშრომლებისთვის)" in content
    assert PRIVATE_VALUES["contact_person_phone"] in content
    assert changes_url(directory["telavi"]) in content


@pytest.mark.parametrize("client_fixture", ["comms_client", "moderator_client"])
def test_staff_roles_can_manage_organizations(request, client_fixture, directory):
    client = request.getfixturevalue(client_fixture)
    organization = directory["kvareli"]

    assert client.get(LIST_URL).status_code == 200
    response = client.post(
        edit_url(organization),
        form_data(
            organization,
            name="ყვარლის მწვანე ალიანსი 2",
            **{"action-publish": "publish"},
        ),
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "ყვარლის მწვანე ალიანსი 2"
    assert organization.live
    assert client.get(changes_url(organization)).status_code == 200
    add_url = reverse("wagtailsnippets_directory_organization:add")
    assert client.get(add_url).status_code == 200


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_council_cannot_edit_or_read_history(client, council_members, directory):
    client.force_login(council_members[0])
    organization = directory["kvareli"]

    response = client.post(
        edit_url(organization), form_data(organization, name="შეცვლილი")
    )

    assert response.status_code in (302, 403)
    organization.refresh_from_db()
    assert organization.name == "ყვარლის მწვანე ალიანსი"
    assert client.get(changes_url(organization)).status_code in (302, 403)
    assert client.get(LIST_URL).status_code in (302, 403)


def test_invalid_code_in_admin_is_refused_with_message(admin_client, directory):
    organization = directory["kvareli"]

    response = admin_client.post(
        edit_url(organization),
        form_data(
            organization, identification_code="12345", **{"action-publish": "publish"}
        ),
    )

    assert response.status_code == 200
    assert "ზუსტად 9 ციფრისგან" in response.content.decode()
    organization.refresh_from_db()
    assert organization.identification_code != "12345"


def test_topic_filter_accepts_any_topic(admin_client, directory):
    response = admin_client.get(LIST_URL, {"field_of_work": topic("youth").slug})

    assert response.status_code == 200
    assert listed_names(response) == set()
    assert municipality("telavi")


def test_preview_renders_the_public_page_without_private_fields(
    admin_client, directory
):
    organization = directory["telavi"]
    url = reverse(
        "wagtailsnippets_directory_organization:preview_on_edit",
        args=[organization.pk],
    )

    posted = admin_client.post(
        url, form_data(organization, description="წინასწარი ხედი")
    )
    response = admin_client.get(url)

    assert posted.json()["is_valid"] is True
    content = response.content.decode()
    assert "წინასწარი ხედი" in content
    for value in PRIVATE_VALUES.values():
        assert value not in content
