"""Demo content of the directory: 48 sample organizations in both languages.

Every one is marked `is_sample`, so the site shows it as sample data. A few
carry private contacts (to show they never leak), some have not confirmed
their data for over a year, some are inactive.
"""

import datetime

from django.utils.text import slugify

from directory.models import Organization

COUNT = 48

# Per kind of organization: legal form, target groups and a description, in
# Georgian and English. Kinds follow directory.factories.KINDS.
PROFILES = {
    "youth": (
        Organization.LegalForm.NNLE,
        ("ახალგაზრდები, სტუდენტები", "Young people, students"),
        (
            "ახალგაზრდების არაფორმალური განათლება, დებატების კლუბი და "
            "მოხალისეობრივი პროექტები {place_ka} მუნიციპალიტეტში.",
            "Non-formal education for young people, a debate club and "
            "volunteering projects in {place_en} municipality.",
        ),
    ),
    "human-rights": (
        Organization.LegalForm.UNION,
        ("ქალები, შშმ პირები", "Women, people with disabilities"),
        (
            "ქალთა ეკონომიკური გაძლიერება, უფასო იურიდიული კონსულტაციები და "
            "ადამიანის უფლებების შესახებ შეხვედრები.",
            "Economic empowerment of women, free legal consultations and "
            "meetings on human rights.",
        ),
    ),
    "environment": (
        Organization.LegalForm.NNLE,
        ("ადგილობრივი მოსახლეობა, სკოლები", "Local residents, schools"),
        (
            "ნარჩენების მართვა, ტყის დაცვა და ეკოლოგიური განათლება სკოლებში.",
            "Waste management, forest protection and environmental education "
            "in schools.",
        ),
    ),
    "agriculture": (
        Organization.LegalForm.COMMUNITY,
        ("ფერმერები, მევენახეები", "Farmers, winegrowers"),
        (
            "ფერმერების კოოპერაცია, მევენახეობის კონსულტაციები და ინფორმაცია "
            "DCFTA-ის შესაძლებლობებზე.",
            "Farmers' cooperation, advice on viticulture and information on "
            "the opportunities of the DCFTA.",
        ),
    ),
    "civic-activism": (
        Organization.LegalForm.INITIATIVE_GROUP,
        ("აქტიური მოქალაქეები", "Active citizens"),
        (
            "მოქალაქეების ჩართვა ადგილობრივ გადაწყვეტილებებში, საჯარო "
            "განხილვები და ინიციატივების ადვოკატირება.",
            "Involving citizens in local decisions, public hearings and "
            "advocacy for citizens' initiatives.",
        ),
    ),
    "volunteering": (
        Organization.LegalForm.UNION,
        ("მოხალისეები, ხანდაზმულები", "Volunteers, older people"),
        (
            "მოხალისეების ქსელი და დროის ბანკი: მეზობლები ერთმანეთს საათობრივ "
            "დახმარებას უცვლიან.",
            "A volunteer network and time bank: neighbours exchange help "
            "hour for hour.",
        ),
    ),
    "education": (
        Organization.LegalForm.FOUNDATION,
        ("მოსწავლეები, მასწავლებლები", "Pupils, teachers"),
        (
            "სასკოლო პროექტები, მასწავლებელთა ტრენინგები და სტიპენდიები "
            "სოფლის მოსწავლეებისთვის.",
            "School projects, teacher training and scholarships for pupils "
            "from villages.",
        ),
    ),
    "culture": (
        Organization.LegalForm.UNION,
        ("ადგილობრივი თემი, ტურისტები", "Local community, visitors"),
        (
            "ისტორიული ძეგლების მოვლა, ხალხური სიმღერისა და ცეკვის ანსამბლები.",
            "Care for historic monuments, folk song and dance ensembles.",
        ),
    ),
    "tourism": (
        Organization.LegalForm.NNLE,
        ("საოჯახო სასტუმროები, გიდები", "Guesthouses, guides"),
        (
            "სოფლის ტურიზმის განვითარება, გიდების ტრენინგები და ღვინის მარშრუტები.",
            "Rural tourism development, training for guides and wine routes.",
        ),
    ),
    "social-services": (
        Organization.LegalForm.OTHER,
        ("სოციალურად დაუცველი ოჯახები", "Vulnerable families"),
        (
            "დღის ცენტრი ბავშვებისთვის, სოციალური კონსულტაციები და საკვები დახმარება.",
            "A day centre for children, social counselling and food aid.",
        ),
    ),
}
STREETS = [
    ("რუსთაველის", "Rustaveli"),
    ("ჭავჭავაძის", "Chavchavadze"),
    ("ერეკლე II-ის", "Erekle II"),
    ("აღმაშენებლის", "Aghmashenebeli"),
    ("ნინოშვილის", "Ninoshvili"),
    ("თამარ მეფის", "Queen Tamar"),
]
# Telephone area codes, in the order of directory.factories.PLACES.
AREA_CODES = ["350", "353", "355", "356", "354", "352", "349", "351"]
CHAIRS = ["ნინო კაპანაძე", "დავით ბერიძე", "თამარ ლომიძე", "ლევან გოგიჩაიშვილი"]
# Extra fields of work, so filters find organizations beyond their main topic.
SECOND_TOPICS = ["eu-association", "local-self-government", "time-bank", "health"]


def organization_values(i, today):
    """The fields of demo organization number i (0-based)."""
    from directory.factories import PLACES, TOWNS, name_parts

    # Each municipality gets six different kinds of organization.
    place = i % len(PLACES)
    n = place + len(PLACES) * ((i // len(PLACES) + 3 * place) % len(PROFILES))
    name_ka, name_en, municipality, topic = name_parts(n)
    legal_form, (targets_ka, targets_en), (text_ka, text_en) = PROFILES[topic]
    place_ka, place_en = PLACES[i % len(PLACES)]
    street_ka, street_en = STREETS[i % len(STREETS)]
    number = i % 37 + 1
    has_code = legal_form != Organization.LegalForm.INITIATIVE_GROUP
    neighbour = name_parts(n + 1)[2]
    if i % 9 == 4:
        confirmed = today - datetime.timedelta(days=420 + i)  # stale
    elif i % 13 == 6:
        confirmed = None  # never confirmed
    else:
        confirmed = today - datetime.timedelta(days=20 + 7 * i)
    values = {
        "name": name_ka,
        "slug": slugify(name_en),
        "legal_form": legal_form,
        "identification_code": (
            f"{404 + i % 8}{(i * 73331) % 1_000_000:06d}" if has_code else ""
        ),
        "founding_year": 1996 + (i * 7) % 28,
        "municipalities": [municipality] + ([neighbour] if i % 5 == 0 else []),
        "fields_of_work": [topic] + ([SECOND_TOPICS[i % 4]] if i % 3 == 0 else []),
        "address": f"{TOWNS[i % len(TOWNS)]}, {street_ka} ქ. {number}",
        "target_groups": targets_ka,
        "description": text_ka.format(place_ka=place_ka, place_en=place_en),
        "email": f"info@{slugify(name_en)}.example.org",
        "phone": f"+995 {AREA_CODES[i % 8]} {27 + i % 9} {10 + i:02d} {40 + i:02d}",
        "website": f"https://{slugify(name_en)}.example.org/" if i % 2 else "",
        "facebook_url": (
            f"https://www.facebook.com/{slugify(name_en)}" if i % 3 != 1 else ""
        ),
        "is_member": i % 3 != 2,
        "status": (
            Organization.Status.INACTIVE if i % 10 == 7 else Organization.Status.ACTIVE
        ),
        "data_confirmed_on": confirmed,
        "is_sample": True,
        "staff_notes": "Demo sample data",
    }
    if i % 12 == 0:  # private contacts, to show they stay in the admin
        values.update(
            contact_person=CHAIRS[i // 12 % len(CHAIRS)],
            contact_person_phone=f"+995 599 {10 + i:02d} {20 + i:02d} {30 + i:02d}",
            contact_person_email=f"chair{i}@private.example.org",
        )
    english = {
        "name": name_en,
        "address": f"{number} {street_en} St, {place_en}",
        "target_groups": targets_en,
        "description": text_en.format(place_ka=place_ka, place_en=place_en),
    }
    return values, english


def build():
    from directory.factories import OrganizationFactory, translate

    if Organization.objects.filter(is_sample=True).exists():
        return
    today = datetime.date.today()
    for i in range(COUNT):
        values, english = organization_values(i, today)
        organization = OrganizationFactory(**values)
        translate(organization, **english)
