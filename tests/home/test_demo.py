"""The demo builds and its key pages render in Georgian and English."""

import pytest
from django.core.management import call_command

from home.models import EventPage, NewsPage, OutreachTopicPage
from taxonomy.models import Municipality

# Loading the demo is slow, so one test checks all its pages.
PAGES = [
    ("/", ["კახეთის რეგიონული ჰაბი", "5,000+", "~600", "სიახლეები"]),
    ("/en/", ["Kakheti Regional Hub", "5,000+", "~600", "Latest news"]),
    ("/about/", ["ჩვენს შესახებ", "კონრად ადენაუერის"]),
    ("/en/about/", ["About us", "Konrad Adenauer"]),
    ("/contact/", ["mediacentrikakheti@gmail.com", "+995 555 52 02 34"]),
    ("/en/contact/", ["Telavi, Kakheti region"]),
    ("/news/", ["პირველი რეგიონული მოხალისეობრივი ფორუმი"]),
    ("/en/news/", ["first regional volunteering forum"]),
    ("/events/", ["საინფორმაციო შეხვედრა"]),
    ("/en/events/?when=past", ["First regional volunteering forum"]),
    ("/eu-association-agreement/", ["ხშირად დასმული კითხვები", "<details"]),
    ("/en/dcfta/", ["Frequently asked questions", "Documents", "The DCFTA"]),
]


@pytest.mark.django_db
def test_demo_builds_and_renders_in_both_languages(client, capsys):
    call_command("load_demo_data")
    assert "Demo content loaded" in capsys.readouterr().out
    for url, texts in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for text in texts:
            assert text in html, (url, text)

    news = NewsPage.objects.filter(locale__language_code="ka")
    events = EventPage.objects.filter(locale__language_code="ka")
    assert news.count() >= 10
    assert events.count() >= 12
    assert NewsPage.objects.filter(locale__language_code="en").count() == news.count()
    assert set(events.values_list("municipality", flat=True)) == set(
        Municipality.objects.values_list("pk", flat=True)
    )
    assert {"forum", "information_meeting", "network_meeting"} <= set(
        events.values_list("event_type", flat=True)
    )
    assert events.filter(participants_count__isnull=False).exists()
    assert sorted(OutreachTopicPage.objects.values_list("topic__slug", flat=True)) == [
        "dcfta",
        "dcfta",
        "eu-association",
        "eu-association",
    ]

    html = client.get("/en/").content.decode()
    for label in ("About us", "Contact", "News", "Events", "Organizations"):
        assert f">{label}</a>" in html
    assert client.get("/en/feeds/news.xml").status_code == 200
    assert client.get("/feeds/events.ics").status_code == 200

    # Loading again builds nothing and prints the logins again.
    pages = NewsPage.objects.count()
    call_command("load_demo_data")
    again = capsys.readouterr().out
    assert "already loaded" in again
    assert "council1" in again
    assert NewsPage.objects.count() == pages
