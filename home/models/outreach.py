from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.listings import stream_text, with_cards_of
from hub import content_cache, page_tree
from hub.analysis import index_text
from hub.searchable import SearchablePage

LISTED_PER_TOPIC = 6


class OutreachTopicPage(SearchablePage, page_tree.CachedViewRestrictionsMixin, Page):
    """A plain-language explainer for citizens (e.g. the EU Association Agreement,
    the DCFTA), with answers, documents and the hub's news and events on it."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    topic = models.ForeignKey(
        "taxonomy.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="outreach_pages",
        help_text=_("News and events tagged with this topic are listed here."),
    )
    menu_title = models.CharField(
        _("menu title"),
        max_length=30,
        blank=True,
        help_text=_(
            "A short name for the site menu, e.g. “DCFTA”; the menu must fit on "
            "one line. Empty: the title."
        ),
    )
    lead = models.TextField(
        _("lead"), help_text=_("The topic in one or two plain sentences.")
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Explanation, questions and answers, documents to download."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("menu_title"),
        FieldPanel("topic"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("outreach topic page")

    def search_text(self):
        return index_text(self.title, self.lead, stream_text(self.body))

    def search_excerpt(self):
        return self.search_description or self.lead or stream_text(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the content is rendered: not at all when it comes from
        # the content cache.
        context["on_topic"] = SimpleLazyObject(
            lambda: content_cache.data(
                "outreach-on-topic", self.pk, build=self._topic_lists
            )
        )
        return context

    def _topic_lists(self):
        """The news, upcoming and past events of this page's topic."""
        from home.models.events import EventPage
        from home.models.news import NewsPage

        same_topic = {"locale_id": self.locale_id, "topics": self.topic_id}
        related = ("municipality", "image")
        news = page_tree.public(NewsPage.objects.live()).filter(**same_topic)
        news = news.select_related(*related)
        events = page_tree.public(EventPage.objects.live()).filter(**same_topic)
        events = events.select_related(*related)
        now = timezone.now()
        listed = with_cards_of(
            news.order_by("-date", "-pk")[:LISTED_PER_TOPIC],
            events.filter(end__gte=now).order_by("start", "pk")[:LISTED_PER_TOPIC],
            events.filter(end__lt=now).order_by("-start", "-pk")[:LISTED_PER_TOPIC],
        )
        return dict(zip(("news", "upcoming", "past"), listed, strict=True))
