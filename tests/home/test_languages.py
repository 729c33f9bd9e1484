"""The language switcher and hreflang links of editorial pages."""

from home.factories import EventPageFactory, NewsPageFactory, add_translation


def test_translated_page_links_to_its_translation(client, indexes):
    news = NewsPageFactory(parent=indexes["news"]["ka"], slug="forum")
    add_translation(news, title="Forum")
    html = client.get("/news/forum/").content.decode()
    assert '<html lang="ka">' in html
    assert 'hreflang="en" href="http://testserver/en/news/forum/"' in html
    assert '<a href="/en/news/forum/" lang="en"' in html
    english = client.get("/en/news/forum/").content.decode()
    assert '<html lang="en">' in english
    assert 'hreflang="ka" href="http://testserver/news/forum/"' in english


def test_untranslated_page_switches_to_the_other_home(client, indexes):
    event = EventPageFactory(parent=indexes["events"]["ka"], slug="only-georgian")
    html = client.get(event.url).content.decode()
    assert 'hreflang="en" href=' not in html  # no English version to announce
    assert '<a href="/en/" lang="en"' in html


def test_listings_show_only_their_language(client, indexes):
    news = NewsPageFactory(parent=indexes["news"]["ka"], title="ქართული სიახლე")
    add_translation(news, title="English news")
    georgian = client.get("/news/").content.decode()
    english = client.get("/en/news/").content.decode()
    assert "ქართული სიახლე" in georgian and "English news" not in georgian
    assert "English news" in english and "ქართული სიახლე" not in english
