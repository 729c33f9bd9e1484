"""Who contributes figures to the impact page, in the page's order.

A provider is `provider(period, municipalities) -> figures.Section`; it reads
its app's data through that app's models or statistics module and returns
plain text and numbers.
"""

from . import consultations, directory, events, initiatives, timebank

PROVIDERS = [
    events.section,
    consultations.section,
    directory.section,
    initiatives.section,
    timebank.section,
    # VOLUNTEERING (being built on another branch): at merge, add its
    # provider here (volunteers and confirmed volunteer hours, by year and
    # municipality), e.g. `volunteering.section` from
    # `impact/providers/volunteering.py`, reading the volunteering app's
    # statistics module. Nothing here imports `volunteering` before then.
]
