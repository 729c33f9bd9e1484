"""Every public page type has a link preview: og:image (its own or the designed
fallback of its type, in the page's language), twitter:card, og:locale and
hreflang alternates with x-default."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from home.factories import EventPageFactory, NewsPageFactory, add_translation
from home.templatetags.sharing import SHARE_IMAGE_KINDS


def meta(html, name):
    found = re.search(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html
    )
    return found.group(1) if found else None


def alternates(html):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    )


@pytest.fixture
def site_pages(indexes):
    from directory.factories import OrganizationFactory
    from initiatives import factories

    news = NewsPageFactory(parent=indexes["news"]["ka"], slug="news-item")
    add_translation(news, title="A news item")
    event = EventPageFactory(parent=indexes["events"]["ka"], slug="meeting")
    add_translation(event, title="A meeting")
    from home.factories import OutreachTopicPageFactory, StandardPageFactory

    about = StandardPageFactory(parent=indexes["news"]["ka"].get_parent(), slug="about")
    add_translation(about, title="About")
    outreach = OutreachTopicPageFactory(
        parent=indexes["news"]["ka"].get_parent(), slug="dcfta"
    )
    add_translation(outreach, title="DCFTA")
    organization = OrganizationFactory(slug="youth-centre")
    initiative = factories.accepted()
    return {
        "/": "site",
        "/about/": "site",
        "/dcfta/": "site",
        "/search/?q=youth": "site",
        "/news/": "news",
        "/news/news-item/": "news",
        "/events/": "event",
        "/events/meeting/": "event",
        "/organizations/": "organization",
        f"/organizations/{organization.slug}/": "organization",
        "/organizations/data/": "organization",
        "/organizations/propose/": "organization",
        "/initiatives/": "initiative",
        f"/initiatives/{initiative.pk}/": "initiative",
        "/initiatives/submit/": "initiative",
    }


@pytest.mark.parametrize("language", ["ka", "en"])
def test_every_page_type_has_a_link_preview(client, site_pages, language):
    prefix = "" if language == "ka" else "/en"
    for path, kind in site_pages.items():
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        html = response.content.decode()
        image = meta(html, "og:image")
        assert image == f"http://testserver/static/img/share/{kind}-{language}.png", (
            path
        )
        assert meta(html, "og:image:width") == "1200"
        assert meta(html, "og:image:height") == "630"
        assert meta(html, "og:image:alt")
        assert meta(html, "twitter:card") == "summary_large_image"
        assert meta(html, "twitter:image") == image
        assert meta(html, "og:locale") == {"ka": "ka_GE", "en": "en_GB"}[language]
        assert (
            meta(html, "og:locale:alternate")
            == {"ka": "en_GB", "en": "ka_GE"}[language]
        )
        links = alternates(html)
        assert set(links) >= {"ka", "en", "x-default"}, path
        assert links["x-default"] == links["ka"]


def test_a_page_image_is_preferred_to_the_fallback(client, indexes):
    from home.factories import ImageFactory

    NewsPageFactory(parent=indexes["news"]["ka"], slug="pictured", image=ImageFactory())
    html = client.get("/news/pictured/").content.decode()
    image = meta(html, "og:image")
    assert image.startswith("http://testserver/media/") and "1200x630" in image


def test_organization_alternates_follow_its_translations(client, home_pages):
    from directory.factories import OrganizationFactory, translate

    organization = OrganizationFactory(slug="farmers")
    translate(organization, name="Farmers' union", slug="farmers-en")
    links = alternates(client.get("/organizations/farmers/").content.decode())
    assert links == {
        "ka": "http://testserver/organizations/farmers/",
        "en": "http://testserver/en/organizations/farmers-en/",
        "x-default": "http://testserver/organizations/farmers/",
    }


@pytest.mark.parametrize("kind", SHARE_IMAGE_KINDS)
@pytest.mark.parametrize("language", ["ka", "en"])
def test_fallback_share_images_exist_at_1200_by_630(kind, language):
    path = (
        Path(settings.STATICFILES_DIRS[0]) / "img" / "share" / f"{kind}-{language}.png"
    )
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 630)
