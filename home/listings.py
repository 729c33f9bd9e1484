"""Querysets and helpers shared by the listing pages (home, news, events, topics).

Every listing fetches its related rows up front (municipality, topics, the card
image and its rendition), so the number of queries does not grow with items.
"""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

CARD_RENDITION = "fill-640x360"


def with_card_data(queryset):
    """Join the municipality and the image; prefetch topics and card renditions.

    Three queries for any number of items: the pages (with their municipality
    and image), their topics, and the renditions Wagtail would otherwise look
    up one image at a time.
    """
    renditions = get_image_model().get_rendition_model().objects
    return queryset.select_related("municipality", "image").prefetch_related(
        "topics",
        Prefetch(
            "image__renditions",
            queryset=renditions.filter(filter_spec=CARD_RENDITION),
            to_attr="prefetched_renditions",
        ),
    )


def with_cards_of(*listings):
    """Card data for several listings of one page, fetched together.

    Each listing is a queryset of pages (news or events) with
    `select_related("municipality", "image")`; they are evaluated,
    the topics fetched once per page type and the card renditions once for all
    images: a page showing three listings costs five or six queries, not nine.
    """
    evaluated = [list(listing) for listing in listings]
    by_model = {}
    for pages in evaluated:
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
    for pages in by_model.values():
        prefetch_related_objects(pages, "topics")
    images = {
        page.image.pk: page.image
        for pages in evaluated
        for page in pages
        if page.image is not None
    }
    renditions = get_image_model().get_rendition_model().objects
    prefetch_related_objects(
        list(images.values()),
        Prefetch(
            "renditions",
            queryset=renditions.filter(filter_spec=CARD_RENDITION),
            to_attr="prefetched_renditions",
        ),
    )
    for pages in evaluated:
        for page in pages:
            if page.image is not None:
                page.image = images[page.image.pk]
    return evaluated


def stream_text(value):
    """The plain text of a StreamField value, for the search index."""
    if not value:
        return ""
    return " ".join(value.stream_block.get_searchable_content(value))
