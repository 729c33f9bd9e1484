"""The moderation figures on /initiatives/ match an independent count, hold no
personal data, are cached and are refreshed when an initiative changes."""

import datetime
import statistics

import pytest
from django.core.cache import cache
from django.utils import timezone

from initiatives import factories
from initiatives.models import Initiative
from initiatives.statistics import CACHE_KEY, compute, moderation_statistics
from taxonomy.factories import municipality
from tests.query_bounds import PUBLIC_PAGE_QUERIES


@pytest.fixture
def journeys(db, home_pages):
    members = factories.council_members()
    made = {
        "unconfirmed": [factories.InitiativeFactory()],
        "moderation": [factories.in_moderation(), factories.in_moderation()],
        "needs_changes": [
            factories.return_to_author(factories.in_moderation(), reason="incomplete"),
            factories.return_to_author(factories.in_moderation(), reason="duplicate"),
            factories.return_to_author(factories.in_moderation(), reason="incomplete"),
        ],
        "council": [factories.in_council()],
        "rejected": [factories.rejected(members=members)],
        "accepted": [
            factories.accepted(
                members=members, municipality=municipality(place), days_ago=0
            )
            for place in ("kvareli", "telavi", "telavi")
        ],
    }
    # Decisions that took different times: 3, 10, 20 and 41 days.
    for initiative, days in zip(
        [*made["accepted"], *made["rejected"]], (3, 10, 20, 41), strict=True
    ):
        Initiative.objects.filter(pk=initiative.pk).update(
            submitted_at=timezone.now() - datetime.timedelta(days=days, hours=1)
        )
    factories.add_step(made["accepted"][1], "sent")
    factories.add_step(made["accepted"][1], "outcome", outcome="implemented")
    return made


def test_figures_match_an_independent_count(journeys):
    figures = compute()
    confirmed = [
        i for key, items in journeys.items() if key != "unconfirmed" for i in items
    ]
    assert figures["received"] == len(confirmed) == 10
    assert figures["in_moderation"] == 2
    assert figures["with_council"] == 1
    assert figures["returned"] == 3
    assert figures["returned_reasons"] == {"incomplete": 2, "duplicate": 1}
    assert figures["not_accepted"] == 1
    assert figures["accepted"] == 3
    telavi, kvareli = municipality("telavi"), municipality("kvareli")
    assert figures["outcomes"] == {
        telavi.pk: {"implemented": 1, "in_progress": 1},
        kvareli.pk: {"in_progress": 1},
    }
    # Independently: days between the stored dates of each decided initiative.
    days = []
    for initiative in Initiative.objects.filter(
        pk__in=[i.pk for i in journeys["accepted"] + journeys["rejected"]]
    ):
        decided = initiative.accepted_at or initiative.stage_changed_at
        days.append((decided - initiative.submitted_at).days)
    assert sorted(days) == [3, 10, 20, 41]
    assert figures["median_days_to_decision"] == round(statistics.median(days)) == 15
    assert figures["decisions"] == 4


def test_the_page_shows_the_figures_without_personal_data(client, journeys):
    html = client.get("/en/initiatives/").content.decode()
    section = html[html.index('id="transparency-title"') :]
    assert "How initiatives are handled" in section
    assert "<strong>10</strong> initiatives received" in section
    assert "Incomplete: <strong>2</strong>" in section
    assert "15 days (median of 4 decisions)" in section
    assert '<th scope="row">Telavi</th>' in section
    for initiative in [i for items in journeys.values() for i in items]:
        assert initiative.author_name not in section
        assert initiative.author_email not in html
        assert initiative.title not in section
    georgian = client.get("/initiatives/").content.decode()
    assert "როგორ განიხილება ინიციატივები" in georgian


def test_figures_are_cached_and_forgotten_when_an_initiative_changes(journeys):
    from django.core.cache import cache

    first = moderation_statistics()
    assert cache.get(CACHE_KEY) == first
    factories.in_moderation()
    assert cache.get(CACHE_KEY) is None  # the save forgot them
    assert moderation_statistics()["in_moderation"] == first["in_moderation"] + 1


def test_the_list_page_costs_the_same_queries_with_more_initiatives(
    client, home_pages, django_assert_max_num_queries
):
    factories.accepted()
    client.get("/initiatives/")  # the site's menu and settings get cached
    cache.delete(CACHE_KEY)
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES) as few:
        client.get("/initiatives/")
    for _ in range(3):
        factories.accepted()
        factories.in_moderation()
    cache.delete(CACHE_KEY)  # the figures are computed afresh
    with django_assert_max_num_queries(len(few)):
        client.get("/initiatives/")
