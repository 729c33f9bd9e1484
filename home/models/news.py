from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.filters import NewsFilterForm
from home.listings import stream_text, with_card_data
from hub import page_tree
from hub.analysis import index_text
from hub.pagination import paginate
from hub.searchable import SearchablePage, SearchKind

NEWS_PER_PAGE = 12


class NewsIndexPage(
    SearchablePage,
    page_tree.CachedRouteMixin,
    page_tree.CachedViewRestrictionsMixin,
    Page,
):
    """The newsroom: all news of one language, newest first, filterable."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of news.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def search_text(self):
        return index_text(self.title, self.intro)

    def search_excerpt(self):
        return self.search_description or self.intro

    def news(self):
        return with_card_data(
            page_tree.public(NewsPage.objects.live()).descendant_of(self)
        ).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = NewsFilterForm(request.GET or None)
        news = self.news()
        if form.is_bound and form.is_valid():
            news = form.filter(news)
        elif form.is_bound:
            news = news.none()
        context["filter_form"] = form
        context["news_page"] = paginate(request, news, NEWS_PER_PAGE)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["filter_form"].errors:
            response.status_code = 400
        return response


class NewsPage(page_tree.CachedViewRestrictionsMixin, Page):
    """One news article, in Georgian first and English as its translation."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The date of the news.")
    )
    lead = models.TextField(
        _("lead"),
        help_text=_("One or two sentences: shown in lists, feeds and link previews."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top, in lists and when the page is shared."),
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("The article.")
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="news_pages",
        help_text=_("What the news is about; lists it on those topic pages."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
        help_text=_("Where it happened; empty for the whole region."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("municipality"),
                MultipleChooserPanel(
                    "organization_links",
                    chooser_field_name="organization",
                    heading=_("Organizations the news is about"),
                    label=_("Organization"),
                ),
            ],
            heading=_("Classification"),
        ),
    ]
    # The links name the Georgian rows in every language (see home.linked).
    override_translatable_fields = [SynchronizedField("organization_links")]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    search_kind = SearchKind(
        "news",
        _("News"),
        pgettext_lazy("one search result", "News"),
        municipality_field="municipality",
        order=10,
    )

    class Meta:
        verbose_name = _("news page")

    def search_text(self):
        return index_text(self.title, self.lead, stream_text(self.body))

    @classmethod
    def search_queryset(cls):
        return page_tree.public(cls.objects.live())

    def search_excerpt(self):
        return self.search_description or self.lead or stream_text(self.body)

    def search_date(self):
        return self.date

    def get_context(self, request, *args, **kwargs):
        from home.linked import linked_organizations

        context = super().get_context(request, *args, **kwargs)
        context["linked_organizations"] = linked_organizations(self)
        return context
