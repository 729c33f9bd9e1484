"""Organizations of the directory, for tests and the demo."""

import datetime

import factory
from wagtail.models import Locale

from directory.models import Organization
from taxonomy.factories import municipality, topic

# (Georgian, English) name parts; combined by sequence number into distinct,
# plausible names such as "თელავის ახალგაზრდული ცენტრი" / "Telavi Youth Centre".
PLACES = [
    ("თელავის", "Telavi"),
    ("გურჯაანის", "Gurjaani"),
    ("სიღნაღის", "Sighnaghi"),
    ("დედოფლისწყაროს", "Dedoplistskaro"),
    ("ლაგოდეხის", "Lagodekhi"),
    ("ყვარლის", "Kvareli"),
    ("ახმეტის", "Akhmeta"),
    ("საგარეჯოს", "Sagarejo"),
]
TOWNS = [
    "თელავი",
    "გურჯაანი",
    "სიღნაღი",
    "დედოფლისწყარო",
    "ლაგოდეხი",
    "ყვარელი",
    "ახმეტა",
    "საგარეჯო",
]
MUNICIPALITY_SLUGS = [
    "telavi",
    "gurjaani",
    "sighnaghi",
    "dedoplistskaro",
    "lagodekhi",
    "kvareli",
    "akhmeta",
    "sagarejo",
]
KINDS = [
    ("ახალგაზრდული ცენტრი", "Youth Centre", "youth"),
    ("ქალთა ასოციაცია", "Women's Association", "human-rights"),
    ("მწვანე ალიანსი", "Green Alliance", "environment"),
    ("ფერმერთა კავშირი", "Farmers' Union", "agriculture"),
    ("სამოქალაქო ჩართულობის ცენტრი", "Civic Engagement Centre", "civic-activism"),
    ("მოხალისეთა ქსელი", "Volunteer Network", "volunteering"),
    ("განათლების ფონდი", "Education Foundation", "education"),
    ("კულტურული მემკვიდრეობის კავშირი", "Cultural Heritage Union", "culture"),
    ("ტურიზმის განვითარების ასოციაცია", "Tourism Development Association", "tourism"),
    ("სოციალური სამსახურების ცენტრი", "Social Services Centre", "social-services"),
]


def name_parts(n):
    """(name_ka, name_en, municipality slug, topic slug) for sequence number n."""
    place_ka, place_en = PLACES[n % len(PLACES)]
    kind_ka, kind_en, topic_slug = KINDS[(n // len(PLACES)) % len(KINDS)]
    name_ka, name_en = f"{place_ka} {kind_ka}", f"{place_en} {kind_en}"
    rounds = n // (len(PLACES) * len(KINDS))
    if rounds:  # beyond the 80 combinations, keep names unique
        name_ka, name_en = f"{name_ka} {rounds + 1}", f"{name_en} {rounds + 1}"
    return name_ka, name_en, MUNICIPALITY_SLUGS[n % len(PLACES)], topic_slug


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A live, published Georgian organization in one municipality and one topic.

    Pass `municipalities=[...]` / `fields_of_work=[...]` (objects or slugs) to
    choose them; `[]` leaves them empty.
    """

    class Meta:
        model = Organization
        skip_postgeneration_save = True

    class Params:
        n = factory.Sequence(lambda n: n)

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ka"))
    name = factory.LazyAttribute(lambda o: name_parts(o.n)[0])
    slug = factory.LazyAttribute(lambda o: f"organization-{o.n}")
    legal_form = Organization.LegalForm.NNLE
    identification_code = factory.Sequence(lambda n: f"{404000000 + n:09d}")
    founding_year = factory.Sequence(lambda n: 1995 + n % 30)
    address = factory.LazyAttribute(
        lambda o: f"{TOWNS[o.n % len(TOWNS)]}, რუსთაველის ქ. {o.n % 40 + 1}"
    )
    target_groups = "ახალგაზრდები, ქალები, ფერმერები"
    description = factory.LazyAttribute(
        lambda o: (
            f"{o.name} ხელს უწყობს ადგილობრივი თემის განვითარებას "
            "და მოქალაქეების ჩართულობას."
        )
    )
    email = factory.Sequence(lambda n: f"info{n}@example.org")
    phone = factory.Sequence(lambda n: f"+995 350 {n % 1000000:06d}")
    website = factory.Sequence(lambda n: f"https://org{n}.example.org/")
    status = Organization.Status.ACTIVE
    data_confirmed_on = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=30)
    )
    live = True

    @factory.post_generation
    def municipalities(obj, create, extracted, **kwargs):
        chosen = (
            extracted if extracted is not None else [name_parts(_sequence_of(obj))[2]]
        )
        obj.municipalities.set(
            [municipality(m) if isinstance(m, str) else m for m in chosen]
        )

    @factory.post_generation
    def fields_of_work(obj, create, extracted, **kwargs):
        chosen = (
            extracted if extracted is not None else [name_parts(_sequence_of(obj))[3]]
        )
        obj.fields_of_work.set([topic(t) if isinstance(t, str) else t for t in chosen])
        if create:
            obj.save()


def _sequence_of(obj):
    """The sequence number the factory built `obj` with (from its slug)."""
    tail = obj.slug.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def translate(organization, language_code="en", **fields):
    """Save a live translation of an organization, e.g. its English copy.

    Municipalities and fields of work are synchronized from the source.
    """
    translation = organization.copy_for_translation(
        Locale.objects.get(language_code=language_code)
    )
    if language_code == "en":
        n = _sequence_of(organization)
        english_name = fields.setdefault("name", name_parts(n)[1])
        # English text, so a search in one language never hits the other.
        fields.setdefault(
            "description",
            f"{english_name} supports the local community and civic participation.",
        )
        fields.setdefault("target_groups", "young people, women, farmers")
        fields.setdefault(
            "address", f"{n % 40 + 1} Rustaveli St, {PLACES[n % len(PLACES)][1]}"
        )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.live = True
    translation.save()
    translation.municipalities.set(organization.municipalities.all())
    translation.fields_of_work.set(organization.fields_of_work.all())
    translation.save()
    return translation
