"""Template tags the project's templates use to show the time bank elsewhere
(the home page composes `{% time_bank_figures %}`)."""

from django import template

from timebank import statistics
from timebank.ledger import format_minutes

register = template.Library()


@register.inclusion_tag("timebank/includes/figures.html", takes_context=True)
def time_bank_figures(context, by_municipality=False):
    """The time bank's figures counted from its data, with the report's figure
    quoted as the report's; `by_municipality=True` adds the table."""
    return {
        "figures": statistics.figures(),
        "report_registered": statistics.REPORT_REGISTERED,
        "by_municipality": by_municipality,
        "request": context.get("request"),
    }


@register.filter
def duration(minutes):
    """Minutes as "1 h 30 min"."""
    try:
        return format_minutes(int(minutes))
    except (TypeError, ValueError):
        return ""
