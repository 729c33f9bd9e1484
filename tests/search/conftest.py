"""A small bilingual corpus for the search tests: live and draft content,
with unique marker words in private fields and drafts.

Every indexed text the tests search on is set here, never left to a factory
sequence: a sequence-made address changes with the tests that ran before.
"""

import copy

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from directory.factories import OrganizationFactory, translate
from home.factories import home_pages as build_home_pages
from home.models import StandardPage
from initiatives.factories import accepted, in_moderation
from taxonomy.factories import municipality
from tests.indexing import auto_updated_backends, rebuild_index
from tests.module_data import built_once_per_module

# Unique words that must never be found: in private fields, drafts, personal
# data, pages behind a password.
SECRET_CONTACT = "Zqxcontactperson"
SECRET_NOTES = "Zqxstaffnotes"
SECRET_DRAFT = "Zqxdraftorganization"
SECRET_AUTHOR = "Zqxauthorname"
SECRET_REVIEW = "Zqxunderreview"
SECRET_PAGE_DRAFT = "Zqxdraftpage"
SECRET_PRIVATE_PAGE = "Zqxprivatepage"
SECRETS = [
    SECRET_CONTACT,
    SECRET_NOTES,
    SECRET_DRAFT,
    SECRET_AUTHOR,
    SECRET_REVIEW,
    SECRET_PAGE_DRAFT,
    SECRET_PRIVATE_PAGE,
]


def standard_page(parent, title, lead="", body="", live=True):
    paragraphs = [("paragraph", {"text": RichText(body)})] if body else []
    page = StandardPage(title=title, lead=lead, body=paragraphs, live=live)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.save_revision()
    return page


@pytest.fixture(scope="module")
def module_corpus(django_db_setup, django_db_blocker):
    """The corpus, made once for the test module (tests/module_data.py)."""
    yield from built_once_per_module(django_db_blocker, build_corpus)


@pytest.fixture
def corpus(module_corpus, db, settings):
    """Georgian and English content, public and not, indexed; a test's own
    changes are indexed as they are saved and undone after it."""
    settings.WAGTAILSEARCH_BACKENDS = auto_updated_backends()
    return copy.deepcopy(module_corpus)


def build_corpus():
    """Georgian and English content, public and not, indexed as it is saved."""
    with override_settings(WAGTAILSEARCH_BACKENDS=auto_updated_backends()):
        rebuild_index()  # what the migrations made
        return _corpus()


def _corpus():
    home_pages = build_home_pages()
    ka, en = home_pages["ka"], home_pages["en"]
    volunteering = standard_page(
        ka,
        "მოხალისეობის კვირეული თელავში",
        lead="მოხალისეობა კახეთში იზრდება.",
        body="<p>ახალგაზრდები მოხალისეობით ეხმარებიან თემს.</p>",
    )
    volunteering_en = standard_page(
        en,
        "Volunteering week in Telavi",
        lead="Volunteers help their communities across Kakheti.",
        body="<p>Young people are volunteering in Telavi.</p>",
    )
    capitals = standard_page(
        ka,
        "ᲙᲐᲮᲔᲗᲘᲡ ᲤᲔᲠᲛᲔᲠᲔᲑᲘ",
        lead="ᲤᲔᲠᲛᲔᲠᲔᲑᲘᲡ ᲙᲐᲕᲨᲘᲠᲘ ᲛᲣᲨᲐᲝᲑᲡ ᲧᲕᲐᲠᲔᲚᲨᲘ.",
    )
    draft_page = standard_page(
        ka, f"სამუშაო ვერსია {SECRET_PAGE_DRAFT}", lead=SECRET_PAGE_DRAFT, live=False
    )
    private_page = standard_page(
        en, f"Board minutes {SECRET_PRIVATE_PAGE}", lead=SECRET_PRIVATE_PAGE
    )
    PageViewRestriction.objects.create(
        page=private_page, restriction_type="password", password="secret"
    )
    private_page.save_revision().publish()

    youth = OrganizationFactory(
        name="სიღნაღის ახალგაზრდული ცენტრი",
        description="ორგანიზაცია ხელს უწყობს ახალგაზრდების განათლებას სიღნაღში.",
        address="სიღნაღი, რუსთაველის ქ. 3",
        contact_person=SECRET_CONTACT,
        staff_notes=SECRET_NOTES,
        municipalities=[municipality("sighnaghi")],
    )
    youth_en = translate(
        youth,
        name="Sighnaghi Youth Centre",
        description="The organization supports the education of young people.",
        address="3 Rustaveli St, Sighnaghi",
    )
    farmers = OrganizationFactory(
        name="ყვარლის ფერმერთა კავშირი",
        description="ფერმერების კავშირი ყვარელში ეხმარება მევენახეებს.",
        address="ყვარელი, ჭავჭავაძის ქ. 5",
        municipalities=[municipality("kvareli")],
    )
    draft_org = OrganizationFactory(
        name=f"დრაფტი {SECRET_DRAFT}",
        description=SECRET_DRAFT,
        address="თელავი, ერეკლე II-ის ქ. 7",
        live=False,
        municipalities=[municipality("telavi")],
    )
    lights = accepted(
        title="Solar street lights for Akhmeta schools",
        summary="Street lighting on the road to the school in Akhmeta.",
        author_name=f"Nino {SECRET_AUTHOR}",
        municipality=municipality("akhmeta"),
    )
    under_review = in_moderation(
        title=f"Playground {SECRET_REVIEW}",
        summary=f"A playground in Telavi {SECRET_REVIEW}",
        author_name="Giorgi Review",
        municipality=municipality("telavi"),
    )
    return {
        "volunteering": volunteering,
        "volunteering_en": volunteering_en,
        "capitals": capitals,
        "draft_page": draft_page,
        "private_page": private_page,
        "youth": youth,
        "youth_en": youth_en,
        "farmers": farmers,
        "draft_org": draft_org,
        "lights": lights,
        "under_review": under_review,
        "root": Page.get_first_root_node(),
    }
