"""Demo volunteering: about 25 opportunities of the directory's sample
organizations across the eight municipalities, in Georgian and English (some
follow up the first regional volunteering forum), with sign-ups, confirmed
hours, certificates, and hours credited to time-bank members. Run by
`load_demo_data` after the directory and the time bank."""

import datetime
import random

from django.utils import timezone

from directory.models import Organization
from taxonomy.models import Municipality, Topic
from timebank.models import Member

from . import hours, moderation
from .models import Opportunity, SignUp

# (language, municipality slug or None for remote, title, description, place,
#  time needed, skills, topic slugs, for young people, start in days (None:
#  ongoing), length in days, volunteers needed, forum follow-up)
OPPORTUNITIES = [
    ("ka", "telavi", "საჯარო ბიბლიოთეკის საბავშვო კუთხის მოწყობა",
     "ვალაგებთ ნაჩუქარ წიგნებს, ვადგენთ კატალოგს და ვაწყობთ კითხვის კუთხეს "
     "პატარებისთვის.", "თელავი, ცენტრალური ბიბლიოთეკა", "ორი შაბათი, 4 საათი",
     "", ["education", "culture"], True, 12, 2, 8, False),
    ("ka", "gurjaani", "რთველი მარტოხელა ხანდაზმულებისთვის",
     "ვეხმარებით ყურძნის კრეფაში ოჯახებს, სადაც მხოლოდ ხანდაზმულები ცხოვრობენ.",
     "ვაჩნაძიანი", "ერთი დღე, 6 საათი", "ფიზიკური შრომა",
     ["agriculture", "social-services"], True, 18, 1, 15, False),
    ("ka", "sighnaghi", "ტურისტული ბილიკის მონიშვნა ბოდბესთან",
     "ვასუფთავებთ და ვნიშნავთ ფეხით სალაშქრო ბილიკს, ვაყენებთ მიმთითებლებს.",
     "ბოდბე", "ორი დღე", "ლაშქრობის გამოცდილება", ["tourism", "environment"],
     False, 25, 1, 10, False),
    ("ka", "lagodekhi", "მდინარის ნაპირის დასუფთავება",
     "ლაგოდეხის ნაკრძალის მიმდებარე ნაპირის დასუფთავების აქცია. ხელთათმანები "
     "და ტომრები ჩვენზეა.", "ლაგოდეხი, ნინოსხევის ნაპირი", "ერთი დილა, 3 საათი",
     "", ["environment", "youth"], True, 9, 0, 30, False),
    ("ka", "kvareli", "ზაფხულის ბანაკი სოფლის ბავშვებისთვის",
     "ვეძებთ მოხალისე ხელმძღვანელებს ბავშვთა დღის ბანაკისთვის: თამაშები, "
     "ხატვა, სპორტი.", "ენისელი, სკოლა", "ხუთი დღე, 5 საათი დღეში",
     "ბავშვებთან მუშაობის გამოცდილება", ["youth", "education"], True, 40, 4, 6,
     False),
    ("ka", "akhmeta", "პანკისის ხეობის სოფლების საჭიროებების კვლევა",
     "ვატარებთ გამოკითხვას ოჯახებში: რა აკლია სოფელს, რას ელიან "
     "თვითმმართველობისგან.", "დუისი, ჯოყოლო", "სამი დღე", "ინტერვიუს ჩატარება",
     ["local-self-government", "civic-activism"], False, 30, 2, 8, True),
    ("ka", "sagarejo", "სათემო ცენტრის შეკეთება",
     "ვღებავთ კედლებს და ვაწყობთ ავეჯს სათემო ცენტრში, რომ შეხვედრები ზამთარშიც "
     "ჩატარდეს.", "მანავი, სათემო ცენტრი", "ორი შაბათ-კვირა", "ხელობა",
     ["infrastructure"], False, 15, 1, 10, False),
    ("ka", "dedoplistskaro", "ვაშლოვანის ვიზიტორთა ცენტრი: გიდი-მოხალისე",
     "ზაფხულის სეზონზე ვეხმარებით ვიზიტორებს, ვყვებით დაცული ტერიტორიის "
     "შესახებ.", "დედოფლისწყარო", "თვეში ოთხი დღე", "ინგლისური ენა",
     ["tourism", "environment"], True, None, 0, 4, False),
    ("ka", "telavi", "ციფრული წიგნიერების გაკვეთილები ხანდაზმულებისთვის",
     "ვასწავლით სმარტფონით სარგებლობას: ვიდეოზარი, ელფოსტა, ელექტრონული "
     "სერვისები.", "თელავი, ჰაბის ოფისი", "კვირაში ორი საათი",
     "მოთმინება, სმარტფონის ცოდნა", ["education", "social-services"], True,
     None, 0, 6, True),
    ("ka", None, "სოციალური ქსელების წარმართვა მცირე ორგანიზაციისთვის",
     "დისტანციურად ვამზადებთ პოსტებს და ფოტოებს ორგანიზაციის გვერდისთვის.",
     "", "კვირაში სამი საათი", "ტექსტის წერა, დიზაინი",
     ["civic-activism"], True, None, 0, 2, False),
    ("ka", "gurjaani", "მოხალისეთა ქსელის შეხვედრა: ფორუმის შემდეგ",
     "რეგიონული მოხალისეობრივი ფორუმის შეთანხმების მიხედვით ვქმნით "
     "მუნიციპალიტეტის მოხალისეთა ქსელს. საჭიროა ორგანიზატორები.",
     "გურჯაანი, კულტურის სახლი", "ერთი საღამო", "", ["civic-activism", "youth"],
     True, 10, 0, 12, True),
    ("ka", "sighnaghi", "საარჩევნო უბნების ხელმისაწვდომობის მონიტორინგი",
     "ვამოწმებთ, რამდენად მისაწვდომია საზოგადოებრივი შენობები შეზღუდული "
     "შესაძლებლობის მქონე პირებისთვის.", "წნორი", "ორი დღე", "",
     ["human-rights"], False, 35, 1, 6, True),
    ("ka", "lagodekhi", "ჯანმრთელობის დღე სოფელში",
     "ვეხმარებით ექიმებს რეგისტრაციაში და რიგის მართვაში უფასო გასინჯვის დღეს.",
     "აფენი", "ერთი დღე", "", ["health"], True, 21, 0, 8, False),
    ("ka", "kvareli", "ღვინის ფესტივალის მოხალისეები",
     "სტუმრების დახვედრა, ინფორმაციის მიწოდება, სივრცის მოწყობა.",
     "ყვარელი, ცენტრალური მოედანი", "ორი დღე", "ინგლისური ან რუსული ენა",
     ["tourism", "culture"], True, 45, 1, 20, False),
    ("ka", "sagarejo", "უდაბნოს მონასტრისკენ გზის დასუფთავება",
     "სოფლის ახალგაზრდებთან ერთად ვასუფთავებთ გზისპირს.", "უდაბნო",
     "ერთი დღე", "", ["environment"], True, -40, 0, 15, False),
    ("ka", "telavi", "ახალგაზრდული დებატების კლუბის მენტორი",
     "ვეხმარებით სკოლის მოსწავლეებს დებატებისთვის მომზადებაში.",
     "თელავი, №1 საჯარო სკოლა", "კვირაში ერთხელ, 2 საათი", "დებატების გამოცდილება",
     ["youth", "education"], False, -60, 30, 3, True),
    ("ka", "akhmeta", "სკოლის ეზოს გამწვანება",
     "ვრგავთ ხეებს და ვაწყობთ ყვავილნარს სკოლის ეზოში.", "მატანი",
     "ერთი დღე", "", ["environment", "education"], True, -25, 0, 12, False),
    ("ka", "dedoplistskaro", "საინფორმაციო შეხვედრები დროის ბანკზე",
     "ვეხმარებით ჰაბს, სოფლებში მოვუყვეთ ხალხს დროის ბანკზე და დავარეგისტრიროთ "
     "მსურველები.", "სამთაწყარო, ზემო ქედი", "სამი დღე", "",
     ["time-bank", "civic-activism"], False, -20, 2, 5, True),
    ("en", "telavi", "English conversation club for school pupils",
     "Native or fluent speakers lead relaxed conversation sessions for pupils "
     "preparing for their exams.", "Telavi, the hub's office",
     "Two hours a week", "Fluent English", ["education", "youth"], False, None,
     0, 3, False),
    ("en", None, "Translate an organization's website into English",
     "Help a community organization reach international partners by translating "
     "its web pages (about 15 pages).", "", "About 20 hours in total",
     "Georgian and English", ["civic-activism"], False, None, 0, 2, False),
    ("en", "sighnaghi", "Foreign volunteers' exchange evening",
     "Following the volunteering forum, where foreign volunteers shared their "
     "experience: an evening to connect them with local organizations.",
     "Sighnaghi, the youth centre", "One evening", "", ["youth", "culture"],
     True, 16, 0, 10, True),
    ("en", "kvareli", "Photography for a village guesthouse network",
     "Take photos of guesthouses and landscapes for a shared booking page of the "
     "villages.", "Villages of Kvareli", "Three days", "Photography",
     ["tourism"], False, 28, 2, 2, False),
    ("en", "gurjaani", "Grant-writing support for community unions",
     "Experienced volunteers review draft grant applications with local "
     "community unions.", "Gurjaani", "One afternoon a week",
     "Grant writing", ["civic-activism", "local-self-government"], False, -30,
     20, 3, True),
    ("en", "lagodekhi", "Bird counting in the protected area",
     "Join rangers for the seasonal bird count; training is given on the first "
     "morning.", "Lagodekhi Protected Areas", "Two days", "",
     ["environment"], True, -15, 1, 6, False),
    ("en", "sagarejo", "Vineyard cleanup after the harvest",
     "Help families clear the vineyards after the harvest.", "Ninotsminda",
     "One day", "", ["agriculture"], True, 60, 0, 10, False),
]  # fmt: skip

NAMES = [
    "ნინო გელაშვილი", "ლუკა ბერიძე", "მარიამ ლომიძე", "დავით ხარაიშვილი",
    "ანა წიკლაური", "ბექა კაპანაძე", "სოფო მაისურაძე", "გიორგი ჩიქოვანი",
    "Emma Müller", "Thomas Laurent", "ელენე ბუაძე", "ნიკოლოზ თოდუა",
]  # fmt: skip


def _organizations():
    organizations = list(
        Organization.objects.filter(live=True, locale__language_code="ka").order_by(
            "pk"
        )
    )
    by_municipality = {}
    for organization in organizations:
        for municipality in organization.municipalities.all():
            by_municipality.setdefault(municipality.slug, []).append(organization)
    return organizations, by_municipality


def _opportunity(row, index, organization, today):
    (language, place_slug, title, description, place, time_needed, skills,
     topic_slugs, young, start, length, needed, follow_up) = row  # fmt: skip
    starts_on = today + datetime.timedelta(days=start) if start is not None else None
    ends_on = (
        starts_on + datetime.timedelta(days=length) if starts_on and length else None
    )
    if starts_on is not None:
        deadline = starts_on - datetime.timedelta(days=2)
    else:
        deadline = today + datetime.timedelta(days=30 + index * 3)
    opportunity = Opportunity.objects.create(
        organization=organization,
        language=language,
        title=title,
        description=description
        + (
            (
                "\n\nრეგიონული მოხალისეობრივი ფორუმის შედეგი."
                if language == "ka"
                else "\n\nA follow-up of the first regional volunteering forum."
            )
            if follow_up
            else ""
        ),
        municipality=(
            Municipality.objects.get(slug=place_slug) if place_slug else None
        ),
        place=place,
        is_remote=place_slug is None,
        starts_on=starts_on,
        ends_on=ends_on,
        time_needed=time_needed,
        skills=skills,
        minimum_age=14 if young else 18,
        for_young_people=young,
        volunteers_needed=needed,
        deadline=deadline,
        contact_name="მაია კვარაცხელია",
        contact_email=f"volunteering{index}@demo-org.example.org",
        contact_phone=f"+995 599 40 {index:02d} 00",
    )
    opportunity.topics.set(Topic.objects.filter(slug__in=topic_slugs))
    return opportunity


def build():
    if Opportunity.objects.exists():
        return
    rng = random.Random(14)
    today = timezone.localdate()
    organizations, by_municipality = _organizations()
    if not organizations:
        return
    members = list(
        Member.objects.approved()
        .filter(email_confirmed_at__isnull=False)
        .exclude(email="")
        .order_by("pk")[:8]
    )
    for index, row in enumerate(OPPORTUNITIES):
        place_slug = row[1]
        candidates = by_municipality.get(place_slug) or organizations
        opportunity = _opportunity(row, index, rng.choice(candidates), today)
        if index == len(OPPORTUNITIES) - 1:
            continue  # one waits for review
        moderation.publish(opportunity)
        started = opportunity.starts_on is not None and opportunity.starts_on <= today
        count = min(opportunity.volunteers_needed + (1 if index == 3 else 0), 6)
        for n in range(rng.randint(1, count)):
            member = members.pop(0) if started and members and n == 0 else None
            name = (
                f"{member.first_name} {member.last_name}"
                if member
                else NAMES[(index + n) % len(NAMES)]
            )
            sign_up = SignUp.objects.create(
                opportunity=opportunity,
                name=name,
                email=member.email if member else f"volunteer{index}-{n}@example.org",
                phone="" if member else f"+995 555 {index:02d} {n:02d} 11",
                age_group=rng.choice(SignUp.AgeGroup.values),
                credit_to_time_bank=member is not None,
                consent_given_at=timezone.now(),
                email_confirmed_at=timezone.now() if member or n % 2 else None,
                status=(
                    SignUp.Status.SIGNED_UP
                    if n < opportunity.volunteers_needed
                    else SignUp.Status.WAITING
                ),
            )
            if started and (member or n % 3 != 2):
                hours.confirm(
                    sign_up, attended=True, minutes=rng.choice([120, 180, 240, 360])
                )
