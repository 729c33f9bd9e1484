"""Bad filters, missing pages and wrong page numbers: a clear answer, never a 500."""

import pytest

from home.factories import EventPageFactory, NewsPageFactory


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/news/?topic=no-such-topic", "There is no such topic."),
        ("/news/?municipality=tbilisi", "There is no such municipality."),
        ("/events/?type=party", "There is no such type of event."),
        ("/events/?when=tomorrow", "Choose upcoming or past events."),
    ],
)
def test_bad_filter_value_is_explained(client, indexes, url, message):
    NewsPageFactory(parent=indexes["news"]["ka"], title="სიახლე")
    response = client.get("/en" + url)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html


def test_bad_filter_value_in_georgian(client, indexes):
    response = client.get("/news/?topic=no-such-topic")
    assert response.status_code == 400
    assert "ასეთი თემა არ არსებობს." in response.content.decode()


@pytest.mark.parametrize("page", ["0", "99", "abc", "-1", "1.5"])
def test_wrong_page_number_is_404(client, indexes, page):
    NewsPageFactory(parent=indexes["news"]["ka"])
    assert client.get(f"/news/?page={page}").status_code == 404
    assert client.get(f"/events/?page={page}").status_code == 404


def test_filters_narrow_the_list(client, indexes):
    from taxonomy.factories import municipality, topic

    NewsPageFactory(
        parent=indexes["news"]["ka"],
        title="DCFTA ყვარელში",
        municipality=municipality("kvareli"),
        topics=[topic("dcfta")],
    )
    NewsPageFactory(parent=indexes["news"]["ka"], title="მოხალისეობა თელავში")
    html = client.get("/news/?topic=dcfta").content.decode()
    assert "DCFTA ყვარელში" in html
    assert "მოხალისეობა თელავში" not in html
    html = client.get("/news/?municipality=telavi").content.decode()
    assert "DCFTA ყვარელში" not in html
    assert "მოხალისეობა თელავში" in html


def test_past_and_upcoming_events(client, indexes):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    EventPageFactory(
        parent=indexes["events"]["ka"],
        title="შეხვედრა ხვალ",
        start=now + timedelta(days=1),
    )
    EventPageFactory(
        parent=indexes["events"]["ka"],
        title="შეხვედრა გუშინ",
        start=now - timedelta(days=1),
        participants_count=42,
    )
    upcoming = client.get("/events/").content.decode()
    assert "შეხვედრა ხვალ" in upcoming and "შეხვედრა გუშინ" not in upcoming
    past = client.get("/events/?when=past&type=information_meeting").content.decode()
    assert "შეხვედრა გუშინ" in past and "შეხვედრა ხვალ" not in past
    assert "42" in past


def test_missing_page_is_404_in_both_languages(client, home_pages):
    for url in ("/news/no-such-news/", "/en/no-such-page/", "/events/x/ics/"):
        response = client.get(url)
        assert response.status_code == 404
    assert "Page not found" in client.get("/en/nothing/").content.decode()


def test_draft_is_not_public(client, indexes):
    draft = NewsPageFactory(parent=indexes["news"]["ka"], publish=False)
    assert client.get(f"/news/{draft.slug}/").status_code == 404
    assert draft.title not in client.get("/news/").content.decode()
