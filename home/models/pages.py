from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The hub's front door: who we are, what is new, where to go next."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("A short introduction to the hub shown at the top."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """About, Contact and other plain pages."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = RichTextField(_("body"), blank=True, help_text=_("The page's text."))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")
