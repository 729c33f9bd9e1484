from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, FiguresBlock
from home.listings import stream_text, with_card_data
from hub import page_tree
from hub.analysis import index_text
from hub.searchable import SearchablePage

LATEST_ON_HOME = 3


class HomePage(
    SearchablePage,
    page_tree.CachedLocalizedMixin,
    page_tree.CachedRouteMixin,
    page_tree.CachedViewRestrictionsMixin,
    Page,
):
    """The hub's front door: who we are, what is new, where to go next."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("A short introduction to the hub shown at the top."),
    )
    figures = StreamField(
        FiguresBlock(),
        blank=True,
        verbose_name=_("figures"),
        help_text=_("The hub's key figures; quote only published results."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("figures")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.OutreachTopicPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def search_text(self):
        return index_text(self.title, self.intro, stream_text(self.figures))

    def search_excerpt(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from home.models.events import EventIndexPage, EventPage
        from home.models.news import NewsIndexPage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        children = page_tree.public(self.get_children().live())
        context["events_index"], context["news_index"] = page_tree.cached(
            "home-indexes",
            self.pk,
            build=lambda: (
                children.type(EventIndexPage).only("url_path").first(),
                children.type(NewsIndexPage).only("url_path").first(),
            ),
        )
        context["latest_news"] = with_card_data(
            page_tree.public(NewsPage.objects.live()).filter(locale_id=self.locale_id)
        ).order_by("-date", "-pk")[:LATEST_ON_HOME]
        context["upcoming_events"] = with_card_data(
            EventPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, end__gte=timezone.now())
        ).order_by("start", "pk")[:LATEST_ON_HOME]
        return context


class StandardPage(
    SearchablePage,
    page_tree.CachedRouteMixin,
    page_tree.CachedViewRestrictionsMixin,
    Page,
):
    """About, Contact and other plain pages."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("The page's text.")
    )

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def search_text(self):
        return index_text(self.title, self.lead, stream_text(self.body))

    def search_excerpt(self):
        return self.search_description or self.lead or stream_text(self.body)
