"""Who contributes figures to the impact page, in the page's order.

A provider is `provider(period, municipalities) -> figures.Section`; it reads
its app's data through that app's models or statistics module and returns
plain text and numbers.
"""

from . import (
    consultations,
    directory,
    events,
    initiatives,
    timebank,
    volunteering,
)

PROVIDERS = [
    events.section,
    consultations.section,
    directory.section,
    initiatives.section,
    timebank.section,
    volunteering.section,
]
