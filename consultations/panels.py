"""Read-only facts shown on the case page (dates, consent, feedback)."""

from django.utils import formats, timezone
from wagtail.admin.panels import FieldPanel


class FactPanel(FieldPanel):
    """A field shown, never edited: dates in the local format, a dash for
    nothing (Wagtail's own read-only panel writes "None")."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value in (None, ""):
            return "—"
        if hasattr(value, "hour"):
            return formats.date_format(
                timezone.localtime(value), "SHORT_DATETIME_FORMAT"
            )
        if hasattr(value, "isoformat"):
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        if hasattr(value, "get_username"):
            return value.get_full_name() or value.get_username()
        return super().format_value_for_display(value)
