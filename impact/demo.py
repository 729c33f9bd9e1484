"""Demo: past events with attendance reports, so /impact/ shows computed
figures (the home demo adds a few more; consultations, initiatives, the
directory and the time bank have their own demos).

Dates are relative to today and spread over the last two years; the numbers
are sample data, not the hub's results (those are the report's figures,
quoted separately). Runs after `home.demo` (INSTALLED_APPS order).
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

SLUG_PREFIX = "impact-demo-"

TOPICS = [
    (
        "information_meeting",
        (
            "საინფორმაციო შეხვედრა ასოცირების შეთანხმებაზე",
            "Information meeting on the Association Agreement",
        ),
    ),
    (
        "information_meeting",
        ("DCFTA: რას ნიშნავს ის ფერმერებისთვის", "DCFTA: what it means for farmers"),
    ),
    (
        "discussion",
        (
            "დისკუსია: ადგილობრივი ბიუჯეტი და მოქალაქეები",
            "Discussion: the local budget and citizens",
        ),
    ),
    (
        "training",
        (
            "ტრენინგი: როგორ დავწეროთ საგრანტო განაცხადი",
            "Training: writing a grant application",
        ),
    ),
    (
        "network_meeting",
        (
            "სამოქალაქო ორგანიზაციების ქსელური შეხვედრა",
            "Network meeting of civil-society organizations",
        ),
    ),
    (
        "local_government_meeting",
        ("სამუშაო შეხვედრა მუნიციპალიტეტთან", "Working meeting with the municipality"),
    ),
]
PLACES = [
    ("telavi", "თელავი", "Telavi"),
    ("gurjaani", "გურჯაანი", "Gurjaani"),
    ("sighnaghi", "სიღნაღი", "Sighnaghi"),
    ("dedoplistskaro", "დედოფლისწყარო", "Dedoplistskaro"),
    ("lagodekhi", "ლაგოდეხი", "Lagodekhi"),
    ("kvareli", "ყვარელი", "Kvareli"),
    ("akhmeta", "ახმეტა", "Akhmeta"),
    ("sagarejo", "საგარეჯო", "Sagarejo"),
]
EVENT_COUNT = 24


def build():
    from home.factories import EventPageFactory, add_translation, home_pages
    from home.models import EventIndexPage, EventPage
    from taxonomy.factories import municipality

    if EventPage.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        return
    index = EventIndexPage.objects.child_of(home_pages()["ka"]).first()
    if index is None:
        return
    today = timezone.localdate()
    for number in range(EVENT_COUNT):
        kind, (title_ka, title_en) = TOPICS[number % len(TOPICS)]
        slug, place_ka, place_en = PLACES[number % len(PLACES)]
        day = today - timedelta(days=30 + number * 29)
        start = timezone.make_aware(datetime.combine(day, time(11)))
        participants = 18 + (number * 7) % 35
        organizations = 3 + (number * 5) % 9
        page = EventPageFactory(
            parent=index,
            slug=f"{SLUG_PREFIX}{number + 1}",
            title=f"{title_ka} ({place_ka})",
            lead=f"{title_ka}: {place_ka}.",
            start=start,
            end=start + timedelta(hours=2),
            event_type=kind,
            municipality=municipality(slug),
            participants_count=participants,
            organizations_count=organizations,
            report=(
                f"შეხვედრას {participants} მონაწილე დაესწრო, "
                f"{organizations} ორგანიზაციიდან."
            ),
        )
        add_translation(
            page,
            title=f"{title_en} ({place_en})",
            lead=f"{title_en}: {place_en}.",
            report=(
                f"{participants} people from {organizations} organizations took part."
            ),
        )
