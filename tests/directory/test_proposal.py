"""'Add or update our organization': proposals become drafts for staff."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from directory.factories import OrganizationFactory
from directory.models import Organization
from taxonomy.models import Municipality, Topic

pytestmark = pytest.mark.django_db

PROPOSE = "/organizations/propose/"
IDENTIFICATION_CODE_ERROR = "A Georgian identification code has exactly 9 digits."
KEY = "8b0b8c4e-4a55-4d0e-9a43-6f7e1a0f0b11"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and submission keys live in the cache."""
    cache.clear()
    yield
    cache.clear()


def new_entry(**overrides):
    data = {
        "kind": "new",
        "name": "ახმეტის ქალთა ასოციაცია",
        "legal_form": "nnle",
        "identification_code": "412345678",
        "founding_year": "2008",
        "municipalities": [str(Municipality.objects.get(slug="akhmeta").pk)],
        "fields_of_work": [str(Topic.objects.get(slug="human-rights").pk)],
        "description": "ქალთა უფლებები და ეკონომიკური გაძლიერება.",
        "email": "info@akhmeta-women.example.org",
        "contact_person": "ნინო ბერიძე",
        "submitter_email": "nino@example.org",
        "submission_key": KEY,
        "homepage": "",
    }
    data.update(overrides)
    return data


def test_form_page_renders_with_csrf_and_a_fresh_key(client, home_pages):
    first = client.get(PROPOSE)
    second = client.get(PROPOSE)
    assert first.status_code == 200
    content = first.content.decode()
    assert "csrfmiddlewaretoken" in content
    assert 'name="homepage"' in content
    assert (
        first.context["form"]["submission_key"].value()
        != second.context["form"]["submission_key"].value()
    )


def test_new_proposal_creates_a_draft_only(client, home_pages):
    response = client.post(PROPOSE, new_entry())
    assert response.status_code == 302
    assert response["Location"] == reverse("directory:proposal_thanks")
    draft = Organization.objects.get(name="ახმეტის ქალთა ასოციაცია")
    assert not draft.live
    assert draft.locale.language_code == "ka"
    assert draft.submitter_email == "nino@example.org"
    assert draft.contact_person == "ნინო ბერიძე"
    assert [m.slug for m in draft.municipalities.all()] == ["akhmeta"]
    assert draft.latest_revision is not None
    assert draft.slug
    # Nothing public until staff publish it.
    assert "ახმეტის ქალთა" not in client.get("/organizations/").content.decode()
    assert client.get(f"/organizations/{draft.slug}/").status_code == 404
    assert client.get("/api/v1/organizations/").json()["count"] == 0
    assert "ახმეტის" not in client.get("/data/organizations.csv").content.decode()


def test_publishing_the_draft_emails_the_sender_once(client, home_pages):
    client.post(PROPOSE, new_entry())
    draft = Organization.objects.get(name="ახმეტის ქალთა ასოციაცია")
    assert mail.outbox == []
    draft.latest_revision.publish()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nino@example.org"]
    assert "ახმეტის ქალთა ასოციაცია" in message.subject
    url = reverse("directory:detail", args=[draft.slug])  # percent-encoded
    assert f"http://testserver{url}" in message.body
    assert client.get(f"/organizations/{draft.slug}/").status_code == 200
    # A later edit by staff does not write to the sender again.
    draft.refresh_from_db()
    draft.description = "განახლებული აღწერა."
    draft.save_revision().publish()
    assert len(mail.outbox) == 1


def test_correction_is_a_draft_revision_and_live_data_stay(client, home_pages):
    live = OrganizationFactory(
        name="ლაგოდეხის ფერმერთა კავშირი",
        slug="lagodekhi-farmers",
        legal_form="union",
        phone="+995 350 00 00 00",
        municipalities=["lagodekhi"],
    )
    live.save_revision().publish()
    response = client.post(
        PROPOSE,
        {
            "kind": "correction",
            "organization": str(live.pk),
            "phone": "+995 555 11 22 33",
            "municipalities": [
                str(Municipality.objects.get(slug="lagodekhi").pk),
                str(Municipality.objects.get(slug="kvareli").pk),
            ],
            "message": "ახალი ტელეფონი",
            "submitter_email": "chair@example.org",
            "submission_key": KEY,
        },
    )
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes
    assert live.phone == "+995 350 00 00 00"
    assert live.submitter_email == ""
    assert [m.slug for m in live.municipalities.all()] == ["lagodekhi"]
    assert (
        "+995 555 11 22 33"
        not in client.get("/organizations/lagodekhi-farmers/").content.decode()
    )
    draft = live.get_latest_revision_as_object()
    assert draft.phone == "+995 555 11 22 33"
    assert draft.name == "ლაგოდეხის ფერმერთა კავშირი"  # empty fields keep values
    assert draft.legal_form == "union"
    assert draft.submitter_email == "chair@example.org"
    assert "ახალი ტელეფონი" in draft.staff_notes
    assert Organization.objects.count() == 1
    # Staff publish: the change goes live and the sender hears of it.
    live.latest_revision.publish()
    live.refresh_from_db()
    assert live.phone == "+995 555 11 22 33"
    assert sorted(m.slug for m in live.municipalities.all()) == ["kvareli", "lagodekhi"]
    assert [m.to for m in mail.outbox] == [["chair@example.org"]]


def test_correction_form_is_prefilled_from_the_organization_page(client, home_pages):
    OrganizationFactory(name="ყვარლის მწვანე ალიანსი", slug="kvareli-greens")
    detail = client.get("/organizations/kvareli-greens/").content.decode()
    assert "/organizations/propose/?organization=kvareli-greens" in detail
    form = client.get(PROPOSE + "?organization=kvareli-greens").context["form"]
    assert form["kind"].value() == "correction"
    assert form["name"].value() == "ყვარლის მწვანე ალიანსი"


def test_double_submit_creates_one_draft(client, home_pages):
    first = client.post(PROPOSE, new_entry())
    second = client.post(PROPOSE, new_entry())
    assert first.status_code == second.status_code == 302
    assert Organization.objects.count() == 1
    # A new form (new key) is a new proposal.
    client.post(
        PROPOSE,
        new_entry(
            name="სხვა ორგანიზაცია",
            submission_key="0b4a0f7a-0000-4000-8000-000000000001",
        ),
    )
    assert Organization.objects.count() == 2


def test_honeypot_creates_nothing(client, home_pages):
    response = client.post(PROPOSE, new_entry(homepage="http://spam.example"))
    assert response.status_code == 302
    assert Organization.objects.count() == 0


def test_rate_limit_by_ip(client, home_pages):
    for n in range(5):
        key = f"0b4a0f7a-0000-4000-8000-00000000000{n}"
        response = client.post(
            PROPOSE, new_entry(name=f"ორგანიზაცია {n}", submission_key=key)
        )
        assert response.status_code == 302
    blocked = client.post(
        PROPOSE,
        new_entry(
            name="მეექვსე", submission_key="0b4a0f7a-0000-4000-8000-000000000099"
        ),
    )
    assert blocked.status_code == 429
    assert 'value="მეექვსე"' in blocked.content.decode()  # input kept
    assert Organization.objects.count() == 5
    other_ip = client.post(
        PROPOSE,
        new_entry(
            name="სხვა ქსელიდან",
            submission_key="0b4a0f7a-0000-4000-8000-000000000098",
        ),
        REMOTE_ADDR="10.0.0.9",
    )
    assert other_ip.status_code == 302


def test_csrf_is_required(home_pages):
    client = Client(enforce_csrf_checks=True)
    assert client.post(PROPOSE, new_entry()).status_code == 403
    assert Organization.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"municipalities": []}, "municipalities"),
        ({"identification_code": "12345"}, "identification_code"),
        ({"identification_code": "abcdefghi"}, "identification_code"),
        ({"founding_year": "1066"}, "founding_year"),
        ({"founding_year": "soon"}, "founding_year"),
        ({"submitter_email": "not-an-address"}, "submitter_email"),
        ({"submitter_email": ""}, "submitter_email"),
        ({"email": "x@"}, "email"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"municipalities": ["999999"]}, "municipalities"),
        ({"legal_form": "plc"}, "legal_form"),
        ({"legal_form": ""}, "legal_form"),
        ({"kind": "delete"}, "kind"),
        ({"kind": "correction"}, "organization"),
        ({"kind": "correction", "organization": "999999"}, "organization"),
        ({"submission_key": "not-a-uuid"}, "submission_key"),
    ],
)
def test_invalid_input_shows_errors_and_keeps_input(
    client, home_pages, overrides, field
):
    response = client.post(PROPOSE, new_entry(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    content = response.content.decode()
    assert "errorlist" in content
    assert "ქალთა უფლებები და ეკონომიკური გაძლიერება." in content  # kept
    assert Organization.objects.count() == 0


def test_errors_are_in_georgian_and_english(client, home_pages):
    georgian = client.post(PROPOSE, new_entry(name="", identification_code="12345"))
    content = georgian.content.decode()
    assert "ეს ველი სავალდებულოა." in content
    with translation.override("ka"):
        assert gettext(IDENTIFICATION_CODE_ERROR) in content
    english = client.post(
        "/en" + PROPOSE, new_entry(name="", identification_code="12345")
    )
    assert "This field is required." in english.content.decode()
    assert IDENTIFICATION_CODE_ERROR in english.content.decode()


def test_a_name_already_listed_must_be_a_correction(client, home_pages):
    OrganizationFactory(name="ახმეტის ქალთა ასოციაცია")
    response = client.post(PROPOSE, new_entry())
    assert "name" in response.context["form"].errors
    assert Organization.objects.count() == 1


def test_an_empty_correction_is_refused(client, home_pages):
    live = OrganizationFactory()
    response = client.post(
        PROPOSE,
        {
            "kind": "correction",
            "organization": str(live.pk),
            "submitter_email": "a@example.org",
            "submission_key": KEY,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    live.refresh_from_db()
    assert not live.has_unpublished_changes


def test_proposal_from_the_english_site_is_an_english_draft(client, home_pages):
    response = client.post("/en" + PROPOSE, new_entry(name="Akhmeta Women's Club"))
    assert response["Location"] == "/en/organizations/propose/thanks/"
    draft = Organization.objects.get()
    assert draft.locale.language_code == "en"
    draft.latest_revision.publish()
    assert "/en/organizations/" in mail.outbox[0].body
