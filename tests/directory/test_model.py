"""The organization record: validation, translation, search, demo data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import TranslationSource

from directory import demo
from directory.factories import OrganizationFactory, translate
from directory.models import Organization
from directory.public_fields import PRIVATE_FIELDS, PUBLIC_FIELDS

SECRET_PHONE = "+995 599 765 432"


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.mark.parametrize("code", ["12345678", "1234567890", "40512345a", "405 12345"])
def test_identification_code_must_have_nine_digits(db, code):
    organization = OrganizationFactory.build(identification_code=code)

    with pytest.raises(ValidationError) as raised:
        organization.full_clean(exclude=["municipalities", "fields_of_work"])

    assert "identification_code" in raised.value.message_dict


def test_identification_code_is_optional_and_nine_digits_pass(db):
    for code in ["", "405123456"]:
        organization = OrganizationFactory(identification_code=code)
        organization.full_clean()


@pytest.mark.parametrize("year", [1899, datetime.date.today().year + 1])
def test_founding_year_must_be_plausible(db, year):
    organization = OrganizationFactory(founding_year=1999)
    organization.founding_year = year

    with pytest.raises(ValidationError) as raised:
        organization.full_clean()

    assert "founding_year" in raised.value.message_dict


def test_identification_code_is_unique_per_language(db):
    first = OrganizationFactory(identification_code="405000111")
    second = OrganizationFactory()
    second.identification_code = "405000111"

    with pytest.raises(ValidationError) as raised:
        second.full_clean()

    assert first.name in str(raised.value.message_dict["identification_code"])
    translate(first).full_clean()  # its translation shares the code: fine


def test_public_and_private_fields_cover_the_model_without_overlap():
    editable = {
        f.name
        for f in Organization._meta.get_fields()
        if getattr(f, "editable", False) and f.concrete and not f.auto_created
    }
    own = editable - {
        "locale",
        "translation_key",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
    }

    assert not set(PUBLIC_FIELDS) & set(PRIVATE_FIELDS)
    assert own == set(PUBLIC_FIELDS) | set(PRIVATE_FIELDS)


def test_search_fields_never_name_private_fields():
    indexed = {field.field_name for field in Organization.search_fields}

    assert not indexed & set(PRIVATE_FIELDS)


def test_search_finds_public_text_but_not_private_values(search_index):
    OrganizationFactory(
        name="სიღნაღის ტურიზმის ასოციაცია",
        contact_person="ზურაბ საიდუმლოშვილი",
        contact_person_phone=SECRET_PHONE,
        staff_notes="კონფიდენციალური",
    )
    backend = get_search_backend()

    def found(query):
        return list(backend.search(query, Organization.objects.filter(live=True)))

    assert [o.name for o in found("ტურიზმის")] == ["სიღნაღის ტურიზმის ასოციაცია"]
    assert found("საიდუმლოშვილი") == []
    assert found("კონფიდენციალური") == []


def test_public_organizations_are_live_in_one_language_without_private_columns(
    db, english, django_assert_num_queries
):
    live = OrganizationFactory(contact_person_phone=SECRET_PHONE)
    OrganizationFactory(live=False)
    translate(live)
    georgian = Locale.get_default()

    with django_assert_num_queries(3):  # organizations + 2 prefetches
        listed = list(Organization.objects.public(georgian))
        [list(o.municipalities.all()) + list(o.fields_of_work.all()) for o in listed]

    assert listed == [live]
    assert set(PRIVATE_FIELDS) <= listed[0].get_deferred_fields()
    assert [o.locale for o in Organization.objects.public(english)] == [english]


def test_wagtail_localize_translates_text_and_synchronizes_the_rest(db, english):
    source_org = OrganizationFactory(
        municipalities=["telavi", "akhmeta"],
        fields_of_work=["youth"],
        contact_person_phone=SECRET_PHONE,
    )
    source, _created = TranslationSource.get_or_create_from_instance(source_org)

    strings = {s.string.data for s in source.stringsegment_set.all()}
    translation, _created = source.create_or_update_translation(english, fallback=True)

    assert source_org.name in strings and source_org.description in strings
    assert SECRET_PHONE not in strings  # private values are not sent to translators
    assert source_org.identification_code not in strings
    assert translation.locale == english
    assert translation.translation_key == source_org.translation_key
    assert translation.identification_code == source_org.identification_code
    assert translation.contact_person_phone == SECRET_PHONE  # synchronized
    assert {m.slug for m in translation.municipalities.all()} == {"telavi", "akhmeta"}


def test_demo_builds_48_bilingual_sample_organizations_once(db):
    demo.build()
    demo.build()

    georgian = Organization.objects.filter(locale__language_code="ka")
    assert georgian.count() == 48
    assert Organization.objects.filter(locale__language_code="en").count() == 48
    assert not Organization.objects.filter(is_sample=False).exists()
    assert georgian.exclude(contact_person="").count() >= 3
    assert georgian.filter(status=Organization.Status.INACTIVE).exists()
    stale = georgian.filter(
        data_confirmed_on__lt=datetime.date.today() - datetime.timedelta(days=365)
    )
    assert stale.exists()
    for slug in [
        "telavi",
        "gurjaani",
        "sighnaghi",
        "dedoplistskaro",
        "lagodekhi",
        "kvareli",
        "akhmeta",
        "sagarejo",
    ]:
        assert georgian.filter(municipalities__slug=slug).count() >= 5
    assert georgian.values("fields_of_work").distinct().count() >= 10
    for organization in georgian:
        organization.full_clean()
