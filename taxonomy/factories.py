import factory

from taxonomy.models import Municipality, Topic


def municipality(slug):
    """The municipalities come from a data migration; look them up, never create."""
    return Municipality.objects.get(slug=slug)


def topic(slug):
    return Topic.objects.get(slug=slug)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_ka = factory.Sequence(lambda n: f"თემა {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
