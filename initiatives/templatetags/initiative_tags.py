"""Initiatives on pages: other apps' pages (the directory's organization page),
the timeline and the moderation figures of the initiatives' own pages."""

from django import template

from initiatives import statistics
from initiatives.models import Initiative
from initiatives.timeline import timeline

register = template.Library()


@register.simple_tag
def initiatives_supported_by(organization):
    """Published initiatives the organization supports, in any language."""
    return Initiative.objects.supported_by(organization)


@register.simple_tag
def initiative_timeline(initiative, steps):
    """The initiative's timeline entries in chronological order."""
    return timeline(initiative, steps)


@register.inclusion_tag("initiatives/includes/transparency.html")
def moderation_transparency():
    """How many initiatives were received, moderated, returned, accepted..."""
    figures = statistics.moderation_statistics()
    returned, returned_uncoded = statistics.reason_rows(figures["returned_reasons"])
    rejected, rejected_uncoded = statistics.reason_rows(figures["not_accepted_reasons"])
    return {
        "figures": figures,
        "returned_reasons": returned,
        "returned_uncoded": returned_uncoded,
        "rejected_reasons": rejected,
        "rejected_uncoded": rejected_uncoded,
        "outcome_rows": statistics.outcome_rows(figures["outcomes"]),
        "outcome_labels": [
            statistics.IN_PROGRESS_LABEL,
            *(Initiative.Stage(stage).label for stage in statistics.OUTCOMES),
        ],
    }
