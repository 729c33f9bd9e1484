"""Pages the editorial tests build on: the index pages in both languages."""

import pytest

from home.factories import add_translation, news_and_event_pages


@pytest.fixture
def indexes(home_pages):
    """{"news": {"ka", "en"}, "events": {"ka", "en"}} index pages."""
    news_ka, events_ka = news_and_event_pages(home_pages["ka"])
    return {
        "news": {"ka": news_ka, "en": add_translation(news_ka, title="News")},
        "events": {"ka": events_ka, "en": add_translation(events_ka, title="Events")},
    }


def translate(page, **fields):
    """Publish an English translation of a Georgian page with English fields."""
    return add_translation(page, **fields)
