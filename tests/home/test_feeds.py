"""RSS and iCalendar outputs parse with real parsers and list the right items."""

from datetime import timedelta

import feedparser
from django.utils import timezone
from icalendar import Calendar

from home.factories import EventPageFactory, NewsPageFactory, add_translation


def test_news_rss_per_language(client, indexes):
    old = NewsPageFactory(
        parent=indexes["news"]["ka"],
        title="ძველი სიახლე",
        date=timezone.localdate() - timedelta(days=5),
    )
    new = NewsPageFactory(parent=indexes["news"]["ka"], title="ახალი სიახლე")
    NewsPageFactory(parent=indexes["news"]["ka"], title="მონახაზი", publish=False)
    add_translation(new, title="Fresh news", lead="In English.")

    feed = feedparser.parse(client.get("/feeds/news.xml").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["ახალი სიახლე", "ძველი სიახლე"]
    assert feed.entries[0].link == f"http://testserver{new.url}"

    english = feedparser.parse(client.get("/en/feeds/news.xml").content)
    assert not english.bozo
    assert [entry.title for entry in english.entries] == ["Fresh news"]
    assert english.entries[0].link.startswith("http://testserver/en/news/")
    assert english.entries[0].summary == "In English."
    assert old.title not in client.get("/en/feeds/news.xml").content.decode()


def test_pages_link_to_the_feeds_of_their_language(client, indexes):
    html = client.get("/en/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/en/feeds/news.xml"' in html
    assert 'href="/en/feeds/events.ics"' in html
    assert 'href="/feeds/news.xml"' in client.get("/").content.decode()


def parse_calendar(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_events_calendar_lists_upcoming_events_per_language(client, indexes):
    now = timezone.now().replace(second=0, microsecond=0)
    upcoming = EventPageFactory(
        parent=indexes["events"]["ka"],
        title="მომავალი შეხვედრა",
        start=now + timedelta(days=3),
    )
    EventPageFactory(
        parent=indexes["events"]["ka"],
        title="წარსული შეხვედრა",
        start=now - timedelta(days=3),
    )
    EventPageFactory(
        parent=indexes["events"]["ka"],
        title="მონახაზი",
        start=now + timedelta(days=3),
        publish=False,
    )
    add_translation(upcoming, title="Upcoming meeting")

    events = parse_calendar(client.get("/feeds/events.ics")).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["მომავალი შეხვედრა"]
    assert events[0].decoded("DTSTART") == upcoming.start
    assert events[0].decoded("DTEND") == upcoming.end
    assert str(events[0]["URL"]) == f"http://testserver{upcoming.url}"
    assert "თელავი" in str(events[0]["LOCATION"])

    english = parse_calendar(client.get("/en/feeds/events.ics")).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in english] == ["Upcoming meeting"]
    assert "Telavi" in str(english[0]["LOCATION"])
    assert str(english[0]["UID"]) != str(events[0]["UID"])


def test_single_event_ics_download(client, indexes):
    event = EventPageFactory(parent=indexes["events"]["ka"], title="ფორუმი")
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    events = parse_calendar(response).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "ფორუმი"
    assert events[0].decoded("DTSTART") == event.start


def test_draft_event_has_no_ics(client, indexes):
    draft = EventPageFactory(parent=indexes["events"]["ka"], publish=False)
    assert client.get(f"/events/{draft.slug}/ics/").status_code == 404
