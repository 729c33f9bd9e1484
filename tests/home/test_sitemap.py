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


XHTML = "{http://www.w3.org/1999/xhtml}link"


def sitemap_entries(client):
    """{location: (lastmod, {hreflang: href})} of every <url>."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        lastmod = url.find("sm:lastmod", NS)
        entries[url.find("sm:loc", NS).text] = (
            lastmod.text if lastmod is not None else None,
            {link.get("hreflang"): link.get("href") for link in url.iter(XHTML)},
        )
    return entries


def test_sitemap_lists_organizations_in_both_languages(client, home_pages):
    from directory.factories import OrganizationFactory, translate

    translated = OrganizationFactory(slug="telavi-youth", name="თელავის ახალგაზრდები")
    translate(translated, name="Telavi Youth", slug="telavi-youth-en")
    untranslated = OrganizationFactory(slug="kvareli-farmers")
    OrganizationFactory(slug="draft-organization", live=False)

    entries = sitemap_entries(client)
    base = "http://testserver"
    lastmod, alternates = entries[f"{base}/organizations/telavi-youth/"]
    assert lastmod is not None
    assert alternates == {
        "ka": f"{base}/organizations/telavi-youth/",
        "en": f"{base}/en/organizations/telavi-youth-en/",
        "x-default": f"{base}/organizations/telavi-youth/",
    }
    assert f"{base}/en/organizations/telavi-youth-en/" in entries
    # Not yet translated: the English site shows the Georgian entry.
    assert f"{base}/organizations/{untranslated.slug}/" in entries
    assert f"{base}/en/organizations/{untranslated.slug}/" in entries
    assert (
        f"{base}/organizations/" in entries and f"{base}/en/organizations/" in entries
    )
    assert not any("draft-organization" in location for location in entries)
    # The pages it lists answer.
    for location in (
        "/organizations/telavi-youth/",
        "/en/organizations/telavi-youth-en/",
        f"/en/organizations/{untranslated.slug}/",
    ):
        assert client.get(location).status_code == 200, location


def test_sitemap_lists_published_initiatives_in_both_languages(client, home_pages):
    from initiatives import factories

    published = factories.accepted(title="Lights on the school road")
    waiting = factories.in_moderation(title="Still in moderation")

    entries = sitemap_entries(client)
    base = "http://testserver"
    for location in (
        f"{base}/initiatives/{published.pk}/",
        f"{base}/en/initiatives/{published.pk}/",
    ):
        lastmod, alternates = entries[location]
        assert lastmod is not None
        assert alternates["x-default"] == f"{base}/initiatives/{published.pk}/"
    assert f"{base}/initiatives/{waiting.pk}/" not in entries
    assert (
        f"{base}/initiatives/" in entries
        and f"{base}/en/initiatives/submit/" in entries
    )
    body = client.get("/sitemap.xml").content.decode()
    for private in (published.author_email, published.tracking_token, "/track/"):
        assert private not in body


def test_sitemap_pages_have_alternates_and_lastmod(client, indexes):
    published = NewsPageFactory(parent=indexes["news"]["ka"], slug="both")
    add_translation(published, title="Both")
    lastmod, alternates = sitemap_entries(client)["http://testserver/news/both/"]
    assert lastmod is not None
    assert alternates == {
        "ka": "http://testserver/news/both/",
        "en": "http://testserver/en/news/both/",
        "x-default": "http://testserver/news/both/",
    }
