"""Factories for volunteering; the demo and the tests both use them.

Sign-ups and hours that matter go through `signups` and `hours` (the rules
live there); these factories make plain rows for fixtures and sizes.
"""

import datetime

import factory
from django.utils import timezone

from directory.factories import OrganizationFactory
from taxonomy.factories import municipality

from .models import Opportunity, SignUp


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A published, open opportunity with dates, in Telavi."""

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"ბიბლიოთეკის წიგნების დალაგება {n}")
    description = "დაგვეხმარეთ საბავშვო წიგნების დალაგებასა და კატალოგის შედგენაში."
    municipality = factory.LazyFunction(lambda: municipality("telavi"))
    place = "თელავი, საჯარო ბიბლიოთეკა"
    starts_on = factory.LazyFunction(lambda: _in_days(20))
    ends_on = factory.LazyFunction(lambda: _in_days(21))
    time_needed = "ორი დღე, 4 საათი დღეში"
    volunteers_needed = 5
    deadline = factory.LazyFunction(lambda: _in_days(14))
    contact_name = "მაკა კოორდინატორი"
    contact_email = factory.Sequence(lambda n: f"contact{n}@org.example.org")
    contact_phone = factory.Sequence(lambda n: f"+995 599 {n % 1000000:06d}")
    status = Opportunity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp

    opportunity = factory.SubFactory(OpportunityFactory)
    name = factory.Sequence(lambda n: f"მოხალისე {n}")
    email = factory.Sequence(lambda n: f"volunteer{n}@example.org")
    phone = ""
    age_group = SignUp.AgeGroup.FROM_18_TO_29
    consent_given_at = factory.LazyFunction(timezone.now)
