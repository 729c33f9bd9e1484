"""The impact figures for other apps' templates (the home page), so that
those apps need not import `impact`: `{% load impact %}`."""

from django import template

from ..figures import headline, impact

register = template.Library()

#: The figures the home page shows, in this order.
HOME_FIGURES = (
    "meetings",
    "participants",
    "consultations_given",
    "organizations",
    "initiatives_accepted",
    "timebank_members",
)


@register.simple_tag
def impact_home_figures():
    """The home page's figures: all time, everywhere, from the cached computation."""
    return headline(impact(), HOME_FIGURES)
