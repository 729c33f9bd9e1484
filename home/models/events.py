from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.filters import EventFilterForm
from home.listings import stream_text, with_card_data
from hub import page_tree
from hub.analysis import index_text
from hub.pagination import paginate
from hub.searchable import SearchablePage, SearchKind

EVENTS_PER_PAGE = 12


class EventType(models.TextChoices):
    INFORMATION_MEETING = "information_meeting", _("Information meeting")
    DISCUSSION = "discussion", _("Discussion")
    TRAINING = "training", _("Training")
    FORUM = "forum", _("Forum")
    LOCAL_GOVERNMENT_MEETING = (
        "local_government_meeting",
        _("Working meeting with local government"),
    )
    NETWORK_MEETING = "network_meeting", _("Network meeting")


class EventIndexPage(
    SearchablePage,
    page_tree.CachedRouteMixin,
    page_tree.CachedViewRestrictionsMixin,
    Page,
):
    """The calendar: upcoming events first, past ones with their reports."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of events.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def search_text(self):
        return index_text(self.title, self.intro)

    def search_excerpt(self):
        return self.search_description or self.intro

    def events(self):
        return with_card_data(
            page_tree.public(EventPage.objects.live()).descendant_of(self)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(request.GET or None)
        events = self.events()
        when = EventFilterForm.UPCOMING
        if form.is_bound and form.is_valid():
            events = form.filter(events)
            when = form.cleaned_data.get("when") or when
        elif form.is_bound:
            events = events.none()
        now = timezone.now()
        if when == EventFilterForm.PAST:
            events = events.filter(end__lt=now).order_by("-start", "-pk")
        else:
            events = events.filter(end__gte=now).order_by("start", "pk")
        context.update(
            filter_form=form,
            when=when,
            events_page=paginate(request, events, EVENTS_PER_PAGE),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["filter_form"].errors:
            response.status_code = 400
        return response


class EventPage(RoutablePageMixin, page_tree.CachedViewRestrictionsMixin, Page):
    """A meeting, training or forum of the hub, with a short report afterwards."""

    cache_content = True  # the same for every visitor: hub/content_cache.py

    lead = models.TextField(
        _("lead"),
        help_text=_("One or two sentences: shown in lists, calendars and previews."),
    )
    start = models.DateTimeField(_("start"), help_text=_("Date and time it starts."))
    end = models.DateTimeField(
        _("end"), help_text=_("Date and time it ends; not before the start.")
    )
    event_type = models.CharField(
        _("type"),
        max_length=40,
        choices=EventType.choices,
        default=EventType.INFORMATION_MEETING,
        help_text=_("What kind of event it is."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="event_pages",
        help_text=_("Where it takes place."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("Building and address, e.g. the hub office in Telavi."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where to register, if registration is needed."),
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
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Programme, speakers, what to bring."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="event_pages",
        help_text=_("What the event is about; lists it on those topic pages."),
    )
    participants_count = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("After the event: how many people took part."),
    )
    organizations_count = models.PositiveIntegerField(
        _("organizations represented"),
        null=True,
        blank=True,
        help_text=_("After the event: how many organizations were represented."),
    )
    report = models.TextField(
        _("report"),
        blank=True,
        help_text=_("After the event: a short account of what happened."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("event_type"),
                FieldPanel("municipality"),
                FieldPanel("venue"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                MultipleChooserPanel(
                    "organization_links",
                    chooser_field_name="organization",
                    heading=_("Organizations that take part"),
                    label=_("Organization"),
                ),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("participants_count"),
                        FieldPanel("organizations_count"),
                    ]
                ),
                FieldPanel("report"),
            ],
            heading=_("Report after the event"),
        ),
    ]
    # The links name the Georgian rows in every language (see home.linked).
    override_translatable_fields = [SynchronizedField("organization_links")]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.FilterField("start"),
    ]
    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []
    search_kind = SearchKind(
        "event",
        _("Events"),
        _("Event"),
        municipality_field="municipality",
        order=20,
    )

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("The end cannot be before the start.")}, code="end"
            )

    def search_text(self):
        return index_text(
            self.title, self.lead, self.venue, stream_text(self.body), self.report
        )

    @classmethod
    def search_queryset(cls):
        return page_tree.public(cls.objects.live())

    def search_excerpt(self):
        return self.search_description or self.lead or stream_text(self.body)

    def search_date(self):
        return self.start

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def has_report(self):
        return bool(self.participants_count or self.organizations_count or self.report)

    @path("")
    def event(self, request):
        from home.linked import linked_organizations

        return self.render(
            request,
            context_overrides={"linked_organizations": linked_organizations(self)},
        )

    @path("ics/", name="ics")
    def ics(self, request):
        """This event as an iCalendar file, to add to one's own calendar."""
        from home.calendar import calendar_for

        response = HttpResponse(
            calendar_for([self], request), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def ics_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ics")
