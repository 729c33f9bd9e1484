"""The hub's impact, computed from every app's data: one computation for the
impact page, its downloads, the home page's figures and the donor report.

Each provider (`impact.providers.PROVIDERS`) turns a `Period` into a
`Section` of figures and tables. The result holds plain text and numbers
only (labels already in the active language), so it is cached per language
and period; any save that can change a figure bumps the cache version
(`impact.signals`), and a short timeout covers bulk writes that send no
signal.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from taxonomy.models import Municipality

from .report import ReportFigure

VERSION_KEY = "impact:version"
CACHE_SECONDS = 10 * 60
#: The hub opened in 2017: no figure can be older.
FIRST_YEAR = 2017


@dataclass(frozen=True)
class Period:
    """Dates (both included; None: open) and one municipality or all."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    municipality: Municipality | None = None

    @classmethod
    def year(cls, year, municipality=None):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), municipality)

    @property
    def cache_key(self):
        slug = self.municipality.slug if self.municipality else ""
        return f"{self.start or ''}:{self.end or ''}:{slug}"

    @property
    def municipality_id(self):
        return self.municipality.pk if self.municipality else None

    def aware_bounds(self):
        """[start, end) as aware datetimes in the site's time zone (or None)."""

        def midnight(day):
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

        start = midnight(self.start) if self.start else None
        end = midnight(self.end + datetime.timedelta(days=1)) if self.end else None
        return start, end

    def contains(self, day):
        return (self.start is None or day >= self.start) and (
            self.end is None or day <= self.end
        )

    def update_year(self):
        """The year whose profile updates count: the period's last, or this one."""
        return (self.end or timezone.localdate()).year


@dataclass
class Figure:
    key: str
    label: str
    value: int
    report: ReportFigure | None = None


@dataclass
class Table:
    """A table of the page; `chart` names the column drawn as bars (or None)."""

    key: str
    title: str
    header: list
    rows: list
    chart: int | None = 1
    description: str = ""

    def chart_bars(self):
        if self.chart is None:
            return []
        return [(str(row[0]), row[self.chart]) for row in self.rows]


@dataclass
class Section:
    key: str
    title: str
    figures: list = field(default_factory=list)
    tables: list = field(default_factory=list)


def municipalities():
    """Every municipality (cached; `by_name` orders them)."""
    return Municipality.cached()


def by_name(items):
    return sorted(items, key=lambda municipality: municipality.name)


def compute(period):
    from .providers import PROVIDERS

    places = by_name(municipalities())
    return [provider(period, places) for provider in PROVIDERS]


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.add(VERSION_KEY, current, None)
        current = cache.get(VERSION_KEY, current)
    return current


def forget():
    """Every cached impact figure is outdated from now on."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def impact(period=None):
    """The sections for a period (all time, everywhere by default), cached."""
    period = period or Period()
    key = f"impact:{version()}:{get_language()}:{period.cache_key}"
    sections = cache.get(key)
    if sections is None:
        sections = compute(period)
        cache.set(key, sections, CACHE_SECONDS)
    return sections


def table(sections, key):
    for section in sections:
        for item in section.tables:
            if item.key == key:
                return item
    return None


def headline(sections, keys):
    """The figures named by `keys`, in that order (for the home page)."""
    found = {figure.key: figure for s in sections for figure in s.figures}
    return [found[key] for key in keys if key in found]
