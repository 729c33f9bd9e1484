"""sitemap.xml lists the live pages of both languages; robots.txt points at it."""

import xml.etree.ElementTree as ET

from home.factories import NewsPageFactory, add_translation

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.findall("sm:url/sm:loc", NS)}


def test_sitemap_lists_live_pages_of_both_languages(client, indexes):
    published = NewsPageFactory(parent=indexes["news"]["ka"], slug="published")
    add_translation(published, title="Published")
    NewsPageFactory(parent=indexes["news"]["ka"], slug="draft", publish=False)

    locations = sitemap_locations(client)
    assert "http://testserver/" in locations
    assert "http://testserver/en/" in locations
    assert "http://testserver/news/published/" in locations
    assert "http://testserver/en/news/published/" in locations
    assert "http://testserver/en/news/" in locations
    assert not any("draft" in location for location in locations)


def test_robots_txt_points_at_the_sitemap(client, home_pages):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
