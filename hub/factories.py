import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEFAULT_PASSWORD = "kakheti-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A staff user; `role` names the Django group (see hub.roles)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    # The hub's staff are Georgian.
    first_name = factory.Faker("first_name", locale="ka_GE")
    last_name = factory.Faker("last_name", locale="ka_GE")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))
        if create:
            user.save()


class SuperuserFactory(UserFactory):
    username = "admin"
    is_staff = True
    is_superuser = True
