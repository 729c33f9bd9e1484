"""Querysets and helpers shared by the listing pages (home, news, events, topics).

Every listing fetches its related rows up front (municipality, topics, the card
image and its rendition), so the number of queries does not grow with items.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

CARD_RENDITION = "fill-640x360"


def with_card_data(queryset):
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return queryset.select_related("municipality").prefetch_related(
        "topics", Prefetch("image", queryset=images)
    )


def stream_text(value):
    """The plain text of a StreamField value, for the search index."""
    if not value:
        return ""
    return " ".join(value.stream_block.get_searchable_content(value))
