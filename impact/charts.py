"""Bar charts drawn on the server as SVG: no script, no external host.

Each chart is an image with a title and a text description (role="img",
<title>, <desc>) and the page shows the same numbers as a table right after
it, so nothing is only visible as a picture.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 60
BAR_HEIGHT = 22
GAP = 10


@dataclass
class Bar:
    label: str
    value: int
    y: int
    width: int

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 6

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 6

    @property
    def label_x(self):
        return LABEL_WIDTH - 8


@dataclass
class BarChart:
    key: str
    title: str
    description: str
    bars: list
    height: int
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(table):
    """The chart of a table's chart column, or None when it has no rows."""
    pairs = table.chart_bars()
    if not pairs:
        return None
    largest = max(value for _label, value in pairs) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = [
        Bar(
            label=label,
            value=value,
            y=GAP + number * (BAR_HEIGHT + GAP),
            width=round(room * value / largest),
        )
        for number, (label, value) in enumerate(pairs)
    ]
    column = table.header[table.chart]
    description = _("%(measure)s: %(values)s.") % {
        "measure": column,
        "values": "; ".join(f"{label} {value}" for label, value in pairs),
    }
    return BarChart(
        key=table.key,
        title=f"{table.title}: {column}",
        description=description,
        bars=bars,
        height=GAP + len(bars) * (BAR_HEIGHT + GAP),
    )
