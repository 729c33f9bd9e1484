from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from home.models import (
    EventIndexPage,
    EventPage,
    EventType,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OutreachTopicPage,
    StandardPage,
)
from taxonomy.factories import municipality, topic


def home_pages():
    """The Georgian home page (made by a migration) and its English translation.

    Returns {"ka": HomePage, "en": HomePage}; idempotent.
    """
    home_ka = HomePage.objects.get(locale__language_code="ka", depth=2)
    english = Locale.objects.get(language_code="en")
    home_en = home_ka.get_translation_or_none(english)
    if home_en is None:
        home_en = home_ka.copy_for_translation(english)
        home_en.title = "Kakheti Regional Hub"
        home_en.draft_title = home_en.title
        home_en.save_revision().publish()
    return {"ka": home_ka, "en": home_en.specific}


def add_translation(page, title=None, **fields):
    """Publish an English copy of a Georgian page (its parent must be translated)."""
    english = Locale.objects.get(language_code="en")
    translation = page.copy_for_translation(english)
    if title:
        translation.title = title
        translation.draft_title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific


def default_site():
    return Site.objects.get(is_default_site=True)


def root_page():
    return Page.get_first_root_node()


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved as a revision and published, as an editor would."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        # Only news and event pages have topics; set before publishing.
        if extracted is not None:
            page.topics.set(extracted)

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()
        elif create:  # publish=False: a draft never published
            page.live = False
            page.save(update_fields=["live"])
            page.save_revision()


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"გვერდი {n}")
    lead = "ჩვენს შესახებ."


class NewsIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsIndexPage

    title = "სიახლეები"
    slug = "news"


class EventIndexPageFactory(NewsIndexPageFactory):
    class Meta:
        model = EventIndexPage

    title = "ღონისძიებები"
    slug = "events"


class NewsPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"სიახლე ნომერი {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    lead = "ჰაბის სიახლე კახეთიდან."
    date = factory.LazyFunction(timezone.localdate)
    municipality = factory.LazyFunction(lambda: municipality("telavi"))
    body = factory.LazyAttribute(lambda page: paragraph_body(page.lead))


class EventPageFactory(PublishedPageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"საინფორმაციო შეხვედრა {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    lead = "შეხვედრა ადგილობრივი ორგანიზაციებისთვის."
    start = factory.LazyFunction(
        lambda: (
            timezone.now().replace(minute=0, second=0, microsecond=0)
            + timedelta(days=7)
        )
    )
    end = factory.LazyAttribute(lambda page: page.start + timedelta(hours=2))
    event_type = EventType.INFORMATION_MEETING
    municipality = factory.LazyFunction(lambda: municipality("telavi"))
    venue = "ჰაბის ოფისი"
    body = factory.LazyAttribute(lambda page: paragraph_body(page.lead))


class OutreachTopicPageFactory(PublishedPageFactory):
    class Meta:
        model = OutreachTopicPage

    title = "ასოცირების შეთანხმება"
    slug = factory.Sequence(lambda n: f"topic-page-{n}")
    topic = factory.LazyFunction(lambda: topic("eu-association"))
    lead = "რა არის ასოცირების შეთანხმება და რას ნიშნავს ის მოქალაქეებისთვის."
    body = factory.LazyAttribute(lambda page: paragraph_body(page.lead))


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection, where staff roles have their rights
    (wagtail_factories would make a new top-level collection per image)."""

    title = factory.Sequence(lambda n: f"ფოტო {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1200, height=800, color="#7b1e3a")


def paragraph_body(*paragraphs):
    """Raw StreamField data: one paragraph block per text."""
    return [
        {"type": "paragraph", "value": {"text": f"<p>{text}</p>"}}
        for text in paragraphs
    ]


def news_and_event_pages(home):
    """The two index pages under a home page (made once; idempotent)."""
    news_index = NewsIndexPage.objects.child_of(home).first() or NewsIndexPageFactory(
        parent=home
    )
    event_index = EventIndexPage.objects.child_of(
        home
    ).first() or EventIndexPageFactory(parent=home)
    return news_index, event_index


def name_organizations(page, organizations):
    """Add organizations to those a news or event page names (save it after)."""
    links = list(page.organization_links.all())
    link_model = type(page).organization_links.rel.related_model
    links += [link_model(organization=organization) for organization in organizations]
    page.organization_links = links
