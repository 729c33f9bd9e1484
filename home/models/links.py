"""Which organizations of the directory a news item or an event is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class PageOrganization(Orderable):
    """One organization a page names, chosen in the admin's organization chooser.

    Pages of both languages point at the same (Georgian) rows: the page shows
    each organization in the visitor's language through its translation key
    (see `home.linked`), and a translation of the page keeps the same links.
    """

    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organization"),
        help_text=_("An organization of the directory."),
    )

    panels = [FieldPanel("organization")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.organization)


class NewsPageOrganization(PageOrganization):
    page = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="organization_links"
    )


class EventPageOrganization(PageOrganization):
    page = ParentalKey(
        "home.EventPage", on_delete=models.CASCADE, related_name="organization_links"
    )
