"""An editor creates, previews and publishes every page type in the admin."""

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset

from directory.factories import OrganizationFactory
from home.factories import add_translation
from home.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    OutreachTopicPage,
    StandardPage,
)
from taxonomy.models import Municipality, Topic
from tests.home.admin_forms import body, page_form


def add_url(model, parent):
    return f"/admin/pages/add/home/{model._meta.model_name}/{parent.pk}/"


def create_preview_publish(client, model, parent, data):
    """Preview the new page, then publish it; returns the published page."""
    url = add_url(model, parent)
    assert client.get(url).status_code == 200
    preview = client.post(url + "preview/", data)
    assert preview.status_code == 200
    assert preview.json()["is_valid"] is True
    rendered = client.get(url + "preview/")
    assert rendered.status_code == 200
    assert data["title"] in rendered.content.decode()

    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = model.objects.get(slug=data["slug"], locale=parent.locale)
    assert page.live
    edit_preview = client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert edit_preview.status_code == 200
    return page


def assert_renders(client, page, *texts):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html
    return html


def test_standard_page(comms_client, home_pages):
    data = page_form(
        "ჩვენს შესახებ", "about", lead="ჰაბი კახეთში.", body=body("ტექსტი ჰაბზე.")
    )
    page = create_preview_publish(comms_client, StandardPage, home_pages["ka"], data)
    assert_renders(comms_client, page, "ჩვენს შესახებ", "ტექსტი ჰაბზე.")
    english = add_translation(page, title="About us", lead="The hub in Kakheti.")
    html = assert_renders(comms_client, english, "About us", "The hub in Kakheti.")
    assert '<html lang="en">' in html


def test_news_index_and_news_page(comms_client, home_pages):
    organization = OrganizationFactory(name="თელავის ახალგაზრდული ცენტრი")
    index = create_preview_publish(
        comms_client,
        NewsIndexPage,
        home_pages["ka"],
        page_form("სიახლეები", "news", intro="ჰაბის სიახლეები."),
    )
    telavi = Municipality.objects.get(slug="telavi")
    volunteering = Topic.objects.get(slug="volunteering")
    data = page_form(
        "მოხალისეობრივი ფორუმი",
        "forum",
        date="2026-05-01",
        lead="ფორუმი თელავში.",
        body=body("ფორუმის ტექსტი."),
        topics=(volunteering.pk,),  # a tuple: posted as repeated values
        municipality=telavi.pk,
        organization_links=inline_formset([{"organization": organization.pk}]),
    )
    page = create_preview_publish(comms_client, NewsPage, index, data)
    assert list(page.topics.all()) == [volunteering]
    assert [link.organization for link in page.organization_links.all()] == [
        organization
    ]
    assert_renders(comms_client, page, "მოხალისეობრივი ფორუმი", organization.name)
    assert_renders(comms_client, index, "მოხალისეობრივი ფორუმი")

    add_translation(index, title="News")
    english = add_translation(page, title="Volunteering forum", lead="In Telavi.")
    assert english.url.startswith("/en/news/")
    assert_renders(
        comms_client, english, "Volunteering forum", "Volunteering", "Telavi"
    )


def test_event_index_and_event_page(comms_client, home_pages):
    index = create_preview_publish(
        comms_client,
        EventIndexPage,
        home_pages["ka"],
        page_form("ღონისძიებები", "events"),
    )
    data = page_form(
        "საინფორმაციო შეხვედრა",
        "meeting",
        lead="შეხვედრა DCFTA-ზე.",
        start="2030-03-01 11:00",
        end="2030-03-01 13:00",
        event_type="information_meeting",
        municipality=Municipality.objects.get(slug="kvareli").pk,
        venue="სათემო ცენტრი",
        registration_url="https://example.org/register",
        body=body("პროგრამა."),
        topics=(Topic.objects.get(slug="dcfta").pk,),
        organization_links=inline_formset([]),
    )
    page = create_preview_publish(comms_client, EventPage, index, data)
    assert page.end > page.start
    assert_renders(comms_client, page, "საინფორმაციო შეხვედრა", "ყვარელი", "/ics/")
    assert_renders(comms_client, index, "საინფორმაციო შეხვედრა")

    add_translation(index, title="Events")
    english = add_translation(page, title="Information meeting", venue="Centre")
    assert_renders(comms_client, english, "Information meeting", "Kvareli", "Centre")


def test_outreach_topic_page(comms_client, home_pages):
    data = page_form(
        "ასოცირების შეთანხმება",
        "association",
        topic=Topic.objects.get(slug="eu-association").pk,
        lead="მარტივად ასოცირებაზე.",
        body=body("განმარტება."),
    )
    page = create_preview_publish(
        comms_client, OutreachTopicPage, home_pages["ka"], data
    )
    assert_renders(comms_client, page, "ასოცირების შეთანხმება", "განმარტება.")
    english = add_translation(page, title="The Association Agreement")
    assert_renders(comms_client, english, "The Association Agreement")


def test_event_end_before_start_is_a_form_error(comms_client, indexes):
    data = page_form(
        "შეხვედრა",
        "bad-dates",
        lead="შეხვედრა.",
        start="2030-03-01 11:00",
        end="2030-03-01 09:00",
        event_type="training",
        municipality=Municipality.objects.get(slug="telavi").pk,
        body=body("პროგრამა."),
    )
    url = add_url(EventPage, indexes["events"]["ka"])
    preview = comms_client.post(url + "preview/", data)
    assert preview.status_code == 200
    assert preview.json()["is_valid"] is False

    response = comms_client.post(url, data)
    assert response.status_code == 200
    # The editor's admin speaks Georgian (the default language).
    assert "დასრულება დაწყებამდე ვერ იქნება." in response.content.decode()
    assert "end" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="bad-dates").exists()


def test_page_type_rules(home_pages, indexes):
    """News only under the newsroom, events only under the calendar."""
    assert not NewsPage.can_create_at(home_pages["ka"])
    assert NewsPage.can_create_at(indexes["news"]["ka"])
    assert not EventPage.can_create_at(indexes["news"]["ka"])
    assert EventPage.can_create_at(indexes["events"]["ka"])
    assert not NewsIndexPage.can_create_at(home_pages["ka"])  # one per home
    assert StandardPage.can_create_at(home_pages["ka"])
    assert not StandardPage.can_create_at(Page.get_first_root_node())


def test_the_organization_chooser_lists_each_live_organization_once(comms_client):
    from directory.factories import translate

    youth = OrganizationFactory(name="თელავის ახალგაზრდული ცენტრი")
    translate(youth, name="Telavi Youth Centre")
    OrganizationFactory(name="დაუმტკიცებელი ორგანიზაცია", live=False)

    response = comms_client.get("/admin/snippets/choose/directory/organization/")

    html = response.json()["html"]
    assert "თელავის ახალგაზრდული ცენტრი" in html
    assert "Telavi Youth Centre" not in html  # the Georgian row, once
    assert "დაუმტკიცებელი ორგანიზაცია" not in html  # drafts are not linked
    english = comms_client.get(
        "/admin/snippets/choose/directory/organization/", {"locale": "en"}
    ).json()["html"]
    assert "Telavi Youth Centre" in english


def test_pages_are_published_directly_without_the_moderators_workflow(
    comms_client, home_pages
):
    from wagtail.models import Workflow

    index = home_pages["ka"]
    assert index.get_workflow() is None
    html = comms_client.get(f"/admin/pages/{index.pk}/edit/").content.decode()
    assert "action-submit" not in html
    assert 'name="action-publish"' in html
    assert Workflow.objects.filter(active=True).get().name != "Moderators approval"


def test_communications_staff_see_and_choose_the_site_s_images(comms_client):
    from home.factories import ImageFactory

    ImageFactory(title="ფორუმის ფოტო")

    listing = comms_client.get("/admin/images/").content.decode()
    chooser = comms_client.get("/admin/images/chooser/").json()["html"]

    assert "ფორუმის ფოტო" in listing
    assert "ფორუმის ფოტო" in chooser


def test_the_admin_asks_no_avatar_from_an_external_host(comms_client):
    html = comms_client.get("/admin/").content.decode()

    assert "gravatar" not in html
