"""Initiatives shown on other apps' pages (the directory's organization page)."""

from django import template

from initiatives.models import Initiative

register = template.Library()


@register.simple_tag
def initiatives_supported_by(organization):
    """Published initiatives the organization supports, in any language."""
    return Initiative.objects.supported_by(organization)
