from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from hub.settings_cache import CachedSiteSettingMixin


@register_setting(icon="mail")
class SiteContactSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """The hub's public contact details, shown in the footer and on Contact."""

    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Public e-mail."))
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("e.g. +995 555 52 02 34")
    )
    address_ka = models.CharField(_("address in Georgian"), max_length=255, blank=True)
    address_en = models.CharField(_("address in English"), max_length=255, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("address_ka"), FieldPanel("address_en")], heading=_("Address")
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("contact details")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in [
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
            ]
            if url
        ]
