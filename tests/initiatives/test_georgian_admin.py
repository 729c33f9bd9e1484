"""Every initiative admin screen a moderator, a council member or a comms editor
meets is wholly Georgian: no English words (brand names and people's own
names aside), no Mtavruli-capitalised labels. (The browser journeys check
the same on the screens as drawn, JavaScript included.)
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from initiatives import factories, uploads
from taxonomy.factories import municipality
from tests.initiatives.admin_helpers import url
from tests.initiatives.public_helpers import pdf
from tests.test_admin_catalogue import visible_text

pytestmark = pytest.mark.django_db

#: Latin words allowed on a Georgian screen: brands, acronyms, file formats.
BRANDS = {"Wagtail", "Kakheti", "Hub", "DCFTA", "EU", "PDF", "pdf", "JPEG", "PNG"}
BRANDS |= {"GIF", "WebP", "CSV", "XLSX"}
MTAVRULI = re.compile("[\u1c90-\u1cbf]")


def latin_words(response):
    """Latin words a person sees, less brands, people's names and addresses."""
    assert response.status_code == 200, response.status_code
    people = {
        word
        for user in get_user_model().objects.all()
        for word in re.findall(
            r"\w+", f"{user.get_full_name()} {user.get_username()} {user.email}"
        )
    }
    found = set()
    for text in visible_text(response):
        text = re.sub(r"\S+@\S+", " ", text)  # e-mail addresses
        found |= set(re.findall(r"[A-Za-z]{2,}", text))
    return sorted(found - BRANDS - people)


def mtavruli(response):
    return [text for text in visible_text(response) if MTAVRULI.search(text)]


def georgian_initiative(**kwargs):
    return {
        "title": "ქუჩის განათება სოფელ ალვანში",
        "summary": "სკოლამდე მისასვლელ გზაზე მზის სანათების დამონტაჟება.",
        "problem": "ზამთარში გზა ბნელია.",
        "solution": "თორმეტი მზის სანათი.",
        "request_to_municipality": "სანათები მომავალი წლის ბიუჯეტში.",
        "language": "ka",
        "author_name": "ნინო ბერიძე",
        "municipality": municipality("akhmeta"),
        **kwargs,
    }


@pytest.fixture
def initiatives(moderator, council_members, comms_user):
    in_moderation = factories.in_moderation(
        **georgian_initiative(
            attachments=[uploads.validate_attachment(pdf("გეგმა.pdf"))]
        )
    )
    in_council = factories.in_council(
        **georgian_initiative(title="ტროტუარი ლაგოდეხის სკოლასთან")
    )
    factories.vote(in_council, council_members[1], "vote_for", "კარგი იდეაა.")
    sent = factories.accepted(
        council_members,
        days_ago=60,
        **georgian_initiative(title="ნაგვის ურნები სიღნაღში"),
    )
    factories.add_step(sent, "sent", days_ago=45)
    return {"moderation": in_moderation, "council": in_council, "sent": sent}


def screens(role, initiatives):
    moderation, council = initiatives["moderation"], initiatives["council"]
    step_add = reverse("wagtailsnippets_initiatives_advocacystep:add")
    return {
        "moderator": {
            "dashboard": reverse("wagtailadmin_home"),
            "review": url("review", moderation.pk),
            "listing": url("list"),
            "inspect": url("inspect", moderation.pk),
            "edit": url("edit", moderation.pk),
            "entry": url("add"),
        },
        "council": {
            "dashboard": reverse("wagtailadmin_home"),
            "review": url("review", council.pk),
            "inspect": url("inspect", council.pk),
        },
        "comms": {
            "dashboard": reverse("wagtailadmin_home"),
            "entry": url("add"),
            "listing": url("list"),
            "step": f"{step_add}?initiative={initiatives['sent'].pk}",
            "steps": reverse("wagtailsnippets_initiatives_advocacystep:list"),
        },
    }[role]


@pytest.fixture
def users(moderator, council_members, comms_user):
    return {"moderator": moderator, "council": council_members[0], "comms": comms_user}


@pytest.mark.parametrize("role", ["moderator", "council", "comms"])
def test_the_initiative_screens_are_wholly_georgian(client, users, initiatives, role):
    client.force_login(users[role])

    for name, address in screens(role, initiatives).items():
        response = client.get(address)
        assert latin_words(response) == [], (role, name)
        assert mtavruli(response) == [], (role, name)


def test_an_english_admin_shows_english(client, users, initiatives):
    """Positive control: the same check finds English where it is due."""
    moderator = users["moderator"]
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(moderator)

    words = latin_words(client.get(url("review", initiatives["moderation"].pk)))

    assert {"Approve", "Review", "Attachments"} <= set(words)
