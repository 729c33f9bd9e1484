"""Demo time bank: about sixty members across the eight municipalities, offers
and requests in every category, some 150 exchanges over the last year, credits
from the hub's account, a correction, registrations waiting for approval and
exchanges waiting for confirmation. Run by `load_demo_data`.

The coordinator login (`coordinator`) comes from `hub.demo`. Members sign in
with one-time links: in development the e-mail (and its link) is printed on
the console.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from taxonomy.factories import municipality

from . import ledger, members
from .factories import FIRST_NAMES, SURNAMES, VILLAGES, MemberFactory, category
from .models import Exchange, Listing, Member, RelayedMessage, Response

# (category, offer title, offer text, request title, request text)
LISTINGS = [
    (
        "transport",
        "მანქანით წაყვანა თელავში, სამშაბათობით",
        "ყოველ სამშაბათს დილით თელავში მივდივარ. ორი ადგილი თავისუფალია: "
        "პოლიკლინიკამდე ან ბაზრამდე მიგიყვანთ და უკან წამოგიყვანთ.",
        "ექიმთან წაყვანა რაიონულ ცენტრში",
        "თვეში ერთხელ ექიმთან მიწევს წასვლა. მანქანა არ მაქვს, ავტობუსი კი "
        "იშვიათად დადის. დამეხმარეთ წასვლა-წამოსვლაში.",
    ),
    (
        "lessons",
        "ინგლისურის გაკვეთილები სკოლის მოსწავლეებისთვის",
        "ინგლისური ენის მასწავლებელი ვარ. შემიძლია კვირაში ორჯერ, საათობით, "
        "მოვამზადო მოსწავლეები ეროვნული გამოცდებისთვის.",
        "მათემატიკაში მომზადება მეცხრე კლასელისთვის",
        "შვილს მათემატიკა უჭირს. ვეძებთ ადამიანს, ვინც კვირაში ერთხელ "
        "მოამზადებს გაკვეთილებში.",
    ),
    (
        "repairs",
        "ღობის და კარ-ფანჯრის შეკეთება",
        "ხელოსანი ვარ: ღობეს, ჭიშკარს, კარ-ფანჯარას შევაკეთებ. "
        "ხელსაწყოები მაქვს, მასალას მეპატრონე ყიდულობს.",
        "სახურავის გაჟონვის შეკეთება",
        "წვიმისას სახურავი ჟონავს. მჭირდება ვინმე, ვინც ნახავს და "
        "შეაკეთებს, მასალას მე ვიყიდი.",
    ),
    (
        "garden",
        "დახმარება რთველზე",
        "სექტემბერში რთველზე დახმარება შემიძლია, შაბათ-კვირას, მთელი დღით.",
        "ბაღის გასხვლა გაზაფხულზე",
        "ხეხილის ბაღი გასასხლავია. მარტო ვერ ვასწრებ, ორი-სამი დღე დამხმარე მჭირდება.",
    ),
    (
        "care",
        "ხანდაზმული მეზობლის მონახულება",
        "შემიძლია კვირაში ორჯერ მოვინახულო მარტოხელა ხანდაზმული, წამლები "
        "და საჭმელი მივუტანო.",
        "ბავშვის მოვლა საღამოობით",
        "ორშაბათობით და ოთხშაბათობით საღამოს ვმუშაობ. ვეძებ ვინმეს, ვინც "
        "ორ საათით ბავშვს მიხედავს.",
    ),
    (
        "health",
        "წნევის გაზომვა და ექიმთან თანხლება",
        "მედდა ვარ, პენსიაზე. წნევას გაგიზომავთ და საჭიროების შემთხვევაში "
        "ექიმთან გაგყვებით.",
        "თანხლება საავადმყოფოში გამოკვლევაზე",
        "დედაჩემს გამოკვლევაზე უნდა წასვლა, მე კი სამსახურში ვარ. "
        "ვეძებ ვინმეს, ვინც გაჰყვება.",
    ),
    (
        "letters",
        "განცხადებების და წერილების დაწერა",
        "დაგეხმარებით განცხადების, საჩივრის ან წერილის დაწერაში "
        "მუნიციპალიტეტისთვის ან სხვა დაწესებულებისთვის.",
        "რუსულიდან თარგმნა",
        "ძველი საბუთები რუსულ ენაზეა. მჭირდება ვინმე, ვინც ქართულად მითარგმნის.",
    ),
    (
        "digital",
        "სმარტფონის და კომპიუტერის სწავლება",
        "ვასწავლი ხანდაზმულებს ტელეფონით ვიდეოზარს, ფოტოების გაგზავნას, "
        "ელფოსტის გამოყენებას.",
        "კომპიუტერის გაწმენდა და პროგრამების დაყენება",
        "კომპიუტერი ძალიან ნელა მუშაობს. ვინმე დამეხმაროს გაწმენდასა "
        "და საჭირო პროგრამების დაყენებაში.",
    ),
    (
        "cooking",
        "საახალწლო სუფრის მომზადება",
        "შემიძლია დაგეხმაროთ სადღესასწაულო სუფრის მომზადებაში: "
        "ჩურჩხელა, გოზინაყი, საცივი.",
        "დახმარება ქელეხის სუფრის მომზადებაში",
        "ოჯახს დიდი სუფრის მომზადება გვიწევს. ვეძებთ ორ-სამ ადამიანს, "
        "ვინც ერთი დღით დაგვეხმარება.",
    ),
    (
        "crafts",
        "ტანსაცმლის შეკეთება და შეკერვა",
        "კერვა ვიცი: შევაკეთებ ტანსაცმელს, დავამოკლებ, ფარდებს შევკერავ.",
        "ქსოვის სწავლა",
        "მინდა ვისწავლო ქსოვა. ვეძებ ვინმეს, ვინც ორ-სამ გაკვეთილს ჩამიტარებს.",
    ),
]

MEMBER_COUNT = 60
EXCHANGE_COUNT = 150
WELCOME_MINUTES = 120


def _member(rng, number, municipality_slug, **fields):
    slug = municipality_slug
    has_email = number % 4 != 0  # a quarter of the members have no e-mail
    return MemberFactory(
        first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
        last_name=SURNAMES[(number * 7) % len(SURNAMES)],
        municipality=municipality(slug),
        village=rng.choice(VILLAGES[slug]),
        phone=f"+995 5{rng.randint(50, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
        email=f"member{number}@demo.kakheti-hub.ge" if has_email else "",
        email_confirmed_at=timezone.now() if has_email else None,
        channel=Member.Channel.ONLINE if has_email else Member.Channel.PHONE,
        **fields,
    )


def build():
    rng = random.Random(2026)
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    slugs = list(VILLAGES)
    today = timezone.localdate()
    approved = []
    for number in range(1, MEMBER_COUNT + 1):
        slug = slugs[number % len(slugs)]
        offers = rng.sample([row[0] for row in LISTINGS], 2)
        needs = rng.sample([row[0] for row in LISTINGS], 1)
        member = _member(
            rng,
            number,
            slug,
            offer_categories=offers,
            need_categories=needs,
            decided_at=timezone.now(),
            decided_by=coordinator,
        )
        approved.append(member)
        ledger.credit_from_hub(
            member,
            WELCOME_MINUTES,
            "საწყისი საათები დროის ბანკში",
            source=f"timebank.welcome:{member.pk}",
            occurred_on=today - datetime.timedelta(days=364),
        )

    # Offers and requests: every category has both, in several municipalities.
    for index, (slug, offer, offer_text, request, request_text) in enumerate(LISTINGS):
        for shift, (kind, title, text) in enumerate(
            [
                (Listing.Kind.OFFER, offer, offer_text),
                (Listing.Kind.REQUEST, request, request_text),
            ]
        ):
            for copy in range(2):
                owner = approved[(index * 5 + shift * 3 + copy * 29) % len(approved)]
                Listing.objects.create(
                    member=owner,
                    kind=kind,
                    title=title,
                    category=category(slug),
                    municipality=owner.municipality,
                    description=text,
                    for_group=slug in ("lessons", "cooking") and copy == 1,
                )

    # A few conversations started with "I can help" / "I'd like this".
    listings = list(Listing.objects.select_related("member"))
    for listing in rng.sample(listings, 8):
        responder = rng.choice([m for m in approved if m.pk != listing.member_id])
        response, _ = Response.objects.get_or_create(listing=listing, member=responder)
        RelayedMessage.objects.create(
            response=response,
            sender=responder,
            body="გამარჯობა! შემიძლია დაგეხმაროთ. როდის მოგიხერხდებათ?",
            delivered=listing.member.has_confirmed_email,
        )

    # Exchanges over the last year, oldest first.
    descriptions = {row[0]: (row[1], row[3]) for row in LISTINGS}
    days = sorted(rng.randint(1, 360) for _ in range(EXCHANGE_COUNT))
    made = []
    for days_ago in reversed(days):
        helper, helped = rng.sample(approved, 2)
        slug = rng.choice(list(descriptions))
        try:
            made.append(
                ledger.exchange(
                    helper,
                    helped,
                    rng.choice([30, 60, 60, 90, 120, 180, 240]),
                    rng.choice(descriptions[slug]),
                    occurred_on=today - datetime.timedelta(days=days_ago),
                    recorded_by=coordinator if not helped.email else None,
                    channel="paper" if not helped.email else "online",
                )
            )
        except ledger.LedgerError:
            continue  # a limit: this pair does not exchange today
    # A coordinator corrects an exchange recorded twice.
    if made and coordinator is not None:
        ledger.reverse(made[-3], coordinator, "ორჯერ იყო ჩაწერილი")

    # Exchanges waiting for the helper's confirmation.
    for helper, helped in zip(approved[1:4], approved[10:13], strict=True):
        Exchange.objects.create(
            helper=helper,
            helped=helped,
            minutes=90,
            description="დახმარება რთველზე",
            occurred_on=today - datetime.timedelta(days=2),
        )

    # Registrations waiting for a coordinator.
    for number in range(MEMBER_COUNT + 1, MEMBER_COUNT + 6):
        _member(
            rng,
            number,
            slugs[number % len(slugs)],
            status=Member.Status.PENDING,
            offers_text="შემიძლია ბავშვებს დავეხმარო გაკვეთილებში.",
        )

    # A member who left: their hours stay in the ledger, their data do not.
    members.anonymise(approved[-1])
