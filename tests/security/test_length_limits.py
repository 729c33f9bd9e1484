"""Every public text field has a length limit (issue 12, minor: a 1 MB
proposal description was stored in a draft).

Over-long input is refused with a clear error on the field, in the visitor's
language, the form is shown again, and nothing is saved.
"""

import pytest
from django.core import mail

from consultations.models import Case
from directory.factories import OrganizationFactory
from directory.models import Organization
from hub.models import OutgoingMail
from hub.public_forms import TEXT_LIMIT
from initiatives.models import Initiative
from taxonomy.factories import municipality
from tests.consultations.conftest import REQUEST_URL, request_data
from tests.directory.test_proposal import PROPOSE, new_entry
from tests.initiatives.public_helpers import SUBMIT_URL, form_data
from tests.timebank.helpers import registration
from timebank.models import Member

pytestmark = pytest.mark.django_db

TOO_LONG = "ა" * (TEXT_LIMIT + 1)
A_MEGABYTE = "ა" * 350_000  # about 1 MB in UTF-8
GEORGIAN_ERROR = "არაუმეტეს"  # "at most", from Django's Georgian catalogue


def counts():
    return (
        Organization.objects.count(),
        Initiative.objects.count(),
        Case.objects.count(),
        Member.objects.count(),
        OutgoingMail.objects.count(),
    )


def assert_refused(response, field, before):
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert GEORGIAN_ERROR in " ".join(form.errors[field])
    assert counts() == before
    assert mail.outbox == []


@pytest.fixture
def organization(home_pages):
    return OrganizationFactory(name="სიღნაღის ცენტრი", municipalities=["sighnaghi"])


FORMS = {
    "proposal description": (
        PROPOSE,
        lambda organization, text: new_entry(description=text),
        "description",
    ),
    "proposal target groups": (
        PROPOSE,
        lambda organization, text: new_entry(target_groups=text),
        "target_groups",
    ),
    "proposal message": (
        PROPOSE,
        lambda organization, text: new_entry(message=text),
        "message",
    ),
    "initiative problem": (
        SUBMIT_URL,
        lambda organization, text: form_data(problem=text),
        "problem",
    ),
    "initiative summary": (
        SUBMIT_URL,
        lambda organization, text: form_data(summary=text),
        "summary",
    ),
    "consultation question": (
        REQUEST_URL,
        lambda organization, text: request_data(organization, question=text),
        "question",
    ),
    "time bank offers": (
        "/time-bank/join/",
        lambda organization, text: registration(
            municipality("telavi"), offers_text=text
        ),
        "offers_text",
    ),
    "time bank availability": (
        "/time-bank/join/",
        lambda organization, text: registration(
            municipality("telavi"), availability=text
        ),
        "availability",
    ),
}


@pytest.mark.parametrize("text", [TOO_LONG, A_MEGABYTE], ids=["limit+1", "1MB"])
@pytest.mark.parametrize("name", list(FORMS))
def test_over_long_text_is_refused_and_nothing_saved(client, organization, name, text):
    url, data, field = FORMS[name]
    before = counts()

    response = client.post(url, data(organization, text))

    assert_refused(response, field, before)


@pytest.mark.parametrize("name", list(FORMS))
def test_the_limit_itself_is_offered_to_the_browser(client, organization, name):
    url, _data, field = FORMS[name]

    form = client.get(url).context["form"]

    assert int(form.fields[field].widget.attrs["maxlength"]) <= TEXT_LIMIT
