"""The public list and detail pages of published initiatives."""

import pytest
from django.utils.html import escape

from initiatives import factories
from initiatives.models import AdvocacyStep, Initiative
from taxonomy.factories import municipality, topic
from tests.initiatives.public_helpers import published
from tests.query_bounds import PUBLIC_PAGE_QUERIES

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_initiatives_only(client):
    live = published(title="Playground in Sighnaghi")
    factories.InitiativeFactory(title="Unconfirmed draft")
    factories.in_moderation(title="Under moderation")
    factories.in_council(title="With the council")

    response = client.get("/en/initiatives/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Playground in Sighnaghi" in content
    assert f"/en/initiatives/{live.pk}/" in content
    for hidden in ("Unconfirmed draft", "Under moderation", "With the council"):
        assert hidden not in content
    assert 'href="/en/initiatives/submit/"' in content
    assert "1 initiative found" in content


def test_the_list_is_in_georgian_at_the_root(client):
    published()

    response = client.get("/initiatives/")

    assert response.status_code == 200
    assert '<html lang="ka">' in response.content.decode()
    assert 'href="/initiatives/submit/"' in response.content.decode()


def test_filters_by_municipality_topic_and_status(client):
    published(title="Telavi water", municipality=municipality("telavi"))
    published(
        title="Kvareli school",
        municipality=municipality("kvareli"),
        topics=[topic("education")],
    )
    sent = published(title="Sent one", municipality=municipality("kvareli"))
    factories.add_step(sent, AdvocacyStep.Kind.SENT)

    by_place = client.get("/en/initiatives/?municipality=kvareli").content.decode()
    by_topic = client.get("/en/initiatives/?topic=education").content.decode()
    by_status = client.get("/en/initiatives/?status=sent").content.decode()

    assert "Kvareli school" in by_place and "Sent one" in by_place
    assert "Telavi water" not in by_place
    assert "Kvareli school" in by_topic and "Sent one" not in by_topic
    assert "Sent one" in by_status and "Kvareli school" not in by_status


@pytest.mark.parametrize(
    "query",
    [
        "municipality=atlantis",
        "topic=%3Cscript%3E",
        "status=draft",
        "status=unconfirmed",
        "municipality=1%27%20OR%201%3D1",
    ],
)
def test_bad_filter_values_are_explained_never_500(client, query):
    published(title="Still listed")

    response = client.get(f"/en/initiatives/?{query}")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Some filters were not understood" in content
    assert "Still listed" in content
    assert "<script>" not in content


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_404(client, page):
    published()

    assert client.get(f"/en/initiatives/?page={page}").status_code == 404


def test_pagination(client):
    for n in range(13):
        published(title=f"Initiative number {n}")

    first = client.get("/en/initiatives/").content.decode()
    second = client.get("/en/initiatives/?page=2")

    assert "Page 1 of 2" in first
    assert second.status_code == 200
    assert "Page 2 of 2" in second.content.decode()


def test_the_detail_page_shows_the_initiative_and_its_timeline(client):
    initiative = published(
        title="Solar lights",
        topics=[topic("environment")],
        steps=[
            (AdvocacyStep.Kind.SENT, {"days_ago": 20}),
            (AdvocacyStep.Kind.ANSWER, {"days_ago": 5, "text": "We will fund it."}),
        ],
    )

    response = client.get(f"/en/initiatives/{initiative.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Solar lights" in content
    assert escape(initiative.request_to_municipality) in content
    assert "Telavi" in content
    assert "Sent to the municipality" in content
    assert "We will fund it." in content
    assert content.index("Sent to the municipality") < content.index("We will fund it.")
    assert "Municipality answered" in content  # the stage


@pytest.mark.parametrize(
    ("choice", "shown", "not_shown"),
    [
        (Initiative.PublicName.FULL_NAME, "Nino Beridze", None),
        (Initiative.PublicName.INITIALS, "N. B.", "Nino Beridze"),
        (Initiative.PublicName.ANONYMOUS, "Anonymous", "Beridze"),
    ],
)
def test_the_author_is_shown_only_as_chosen(client, choice, shown, not_shown):
    initiative = published(author_name="Nino Beridze", public_name=choice)

    content = client.get(f"/en/initiatives/{initiative.pk}/").content.decode()

    assert shown in content
    if not_shown:
        assert not_shown not in content
    assert initiative.author_email not in content


def test_the_supporting_organization_links_to_the_directory(client):
    from directory.factories import OrganizationFactory

    organization = OrganizationFactory(name="Telavi Youth Centre")
    initiative = published(supporting_organization=organization)

    content = client.get(f"/initiatives/{initiative.pk}/").content.decode()

    assert "Telavi Youth Centre" in content
    assert f"/organizations/{organization.slug}/" in content


def test_script_in_text_is_escaped(client):
    initiative = published(
        title="<script>alert('t')</script>",
        summary="<img src=x onerror=alert(1)>",
    )

    listing = client.get("/en/initiatives/").content.decode()
    detail = client.get(f"/en/initiatives/{initiative.pk}/").content.decode()

    for content in (listing, detail):
        assert "<script>alert" not in content
        assert "&lt;script&gt;alert" in content
        assert "<img src=x" not in content
    initiative.refresh_from_db()
    assert initiative.title == "<script>alert('t')</script>"  # stored as typed


def _many(count):
    for n in range(count):
        published(
            title=f"Initiative {n}",
            topics=[topic("environment"), topic("education")],
            steps=[
                (AdvocacyStep.Kind.SENT, {}),
                (AdvocacyStep.Kind.ANSWER, {"text": "Yes"}),
            ],
        )


@pytest.mark.parametrize("count", [1, 12])
def test_list_queries_are_bounded(client, django_assert_max_num_queries, count):
    _many(count)
    client.get("/en/initiatives/")  # warm caches (site root, locales)

    # Site chrome (menu, languages) ~6, count, page, topics, steps, filter lists.
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
        response = client.get("/en/initiatives/?municipality=telavi&topic=education")

    assert response.content.decode().count('class="card initiative-card"') == count


@pytest.mark.parametrize("steps", [1, 15])
def test_detail_queries_are_bounded(client, django_assert_max_num_queries, steps):
    initiative = published(
        topics=[topic("environment"), topic("education")],
        steps=[(AdvocacyStep.Kind.SENT, {"days_ago": n}) for n in range(steps)],
    )
    client.get(f"/en/initiatives/{initiative.pk}/")

    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES):
        response = client.get(f"/en/initiatives/{initiative.pk}/")

    assert response.content.decode().count("initiative-timeline__step--sent") == steps
