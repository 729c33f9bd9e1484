"""Factories for the time bank; the demo and the tests both use them.

Ledger rows are never made by a factory: `exchange()` and `credit()` go
through `timebank.ledger`, the one writer, like everything else.
"""

import itertools

import factory
from django.utils import timezone

from taxonomy.factories import municipality

from . import ledger
from .models import Account, Category, Listing, Member, default_lower_limit

FIRST_NAMES = [
    "ნინო", "გიორგი", "თამარ", "დავით", "ეკა", "ლევან", "მარიამ", "ზურაბ",
    "ნათია", "ირაკლი", "ქეთევან", "ვახტანგ", "მანანა", "ლაშა", "ელენე", "გოჩა",
    "ანა", "თეიმურაზ", "სოფო", "ბექა", "ლია", "ნიკოლოზ", "მზია", "რევაზ",
    "ხათუნა", "ლუკა", "ციცინო", "ჯემალ", "მაკა", "შოთა",
]  # fmt: skip
SURNAMES = [
    "ბერიძე", "კაპანაძე", "გელაშვილი", "მამულაშვილი", "ლომიძე", "ხარაიშვილი",
    "ჯავახიშვილი", "წიკლაური", "ბოჭორიშვილი", "ქავთარაძე", "ნადირაძე",
    "მაისურაძე", "ზედგინიძე", "ალავერდაშვილი", "ღვინიაშვილი", "თოდუა",
    "კვარაცხელია", "ჩიქოვანი", "ბუაძე", "შენგელია",
]  # fmt: skip
VILLAGES = {
    "telavi": ["ნაფარეული", "კისისხევი", "წინანდალი", "ქურდღელაური"],
    "gurjaani": ["ვაჩნაძიანი", "ველისციხე", "ბაკურციხე", "მუკუზანი"],
    "sighnaghi": ["ბოდბე", "ნუკრიანი", "ტიბაანი", "ანაგა"],
    "dedoplistskaro": ["სამთაწყარო", "არხილოსკალო", "ზემო ქედი"],
    "lagodekhi": ["აფენი", "ვარდისუბანი", "ცოდნისკარი", "ყორუღი"],
    "kvareli": ["ენისელი", "გავაზი", "შილდა", "ახალსოფელი"],
    "akhmeta": ["მატანი", "ჯოყოლო", "დუისი", "ზემო ალვანი"],
    "sagarejo": ["მანავი", "ნინოწმინდა", "გიორგიწმინდა", "პატარძეული"],
}


def category(slug):
    """The categories come from a data migration; look them up."""
    return Category.objects.get(slug=slug)


class MemberFactory(factory.django.DjangoModelFactory):
    """An approved member with a confirmed e-mail and an account."""

    class Meta:
        model = Member
        skip_postgeneration_save = True

    first_name = factory.Iterator(FIRST_NAMES)
    last_name = factory.Iterator(SURNAMES)
    municipality = factory.LazyFunction(lambda: municipality("telavi"))
    village = factory.LazyAttribute(
        lambda m: VILLAGES.get(m.municipality.slug, ["სოფელი"])[0]
    )
    phone = factory.Sequence(
        lambda n: f"+995 555 {n // 10000 % 100:02d} {n % 10000:04d}"
    )
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    email_confirmed_at = factory.LazyFunction(timezone.now)
    consent_given_at = factory.LazyFunction(timezone.now)
    status = Member.Status.APPROVED
    availability = "შაბათ-კვირას"

    @factory.post_generation
    def account(member, create, extracted, **kwargs):
        if create and not Account.objects.filter(member=member).exists():
            Account.objects.create(
                member=member,
                lower_limit=kwargs.get("lower_limit", default_lower_limit()),
                upper_limit=kwargs.get("upper_limit"),
            )

    @factory.post_generation
    def offer_categories(member, create, extracted, **kwargs):
        if create and extracted:
            member.offer_categories.set([category(slug) for slug in extracted])

    @factory.post_generation
    def need_categories(member, create, extracted, **kwargs):
        if create and extracted:
            member.need_categories.set([category(slug) for slug in extracted])


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    member = factory.SubFactory(MemberFactory)
    kind = Listing.Kind.OFFER
    title = factory.Sequence(lambda n: f"დახმარება ბაღში {n}")
    category = factory.LazyFunction(lambda: category("garden"))
    municipality = factory.LazyAttribute(lambda listing: listing.member.municipality)
    description = "შემიძლია დაგეხმაროთ ვენახში შაბათობით, ორი-სამი საათით."


def exchange(helper, helped, minutes=60, description="დახმარება", **options):
    """An exchange through the ledger: `minutes` from `helped` to `helper`."""
    return ledger.exchange(helper, helped, minutes, description, **options)


_credit_numbers = itertools.count(1)


def credit(member, minutes=120, description="საწყისი საათები", source=None, **options):
    """Hours from the hub's account, through the ledger."""
    source = source or f"factory.credit:{next(_credit_numbers)}:{member.pk}"
    return ledger.credit_from_hub(
        member, minutes, description, source=source, **options
    )
