"""Public figures are counted from the data; the report's 600 is quoted as its own."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from taxonomy.factories import municipality
from timebank import ledger, statistics
from timebank.factories import MemberFactory, credit, exchange
from timebank.models import Member

pytestmark = pytest.mark.django_db


def test_figures_count_exchanges_not_credits_nor_corrected_ones(coordinator):
    telavi, kvareli = municipality("telavi"), municipality("kvareli")
    nino = MemberFactory(municipality=telavi)
    giorgi = MemberFactory(municipality=kvareli)
    MemberFactory(municipality=kvareli, status=Member.Status.PENDING)
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=500)
    exchange(helper=nino, helped=giorgi, minutes=120)
    exchange(helper=giorgi, helped=nino, minutes=60, occurred_on=long_ago)
    mistaken = exchange(helper=nino, helped=giorgi, minutes=300)
    ledger.reverse(mistaken, coordinator, "შეცდომა")
    credit(nino, minutes=300)

    figures = statistics.compute()

    assert figures.members == 2
    assert figures.active_members == 2  # Giorgi took part in this year's too
    assert figures.minutes_all_time == 180
    assert figures.minutes_this_month == 120
    assert figures.exchanges_all_time == 2
    rows = {row.slug: row for row in figures.municipalities}
    assert (rows["telavi"].members, rows["telavi"].minutes_all_time) == (1, 120)
    assert (rows["kvareli"].members, rows["kvareli"].minutes_all_time) == (1, 60)
    assert rows["sagarejo"].members == 0


def test_the_cache_is_cleared_by_a_new_exchange(nino, giorgi):
    assert statistics.figures().minutes_all_time == 0
    exchange(helper=nino, helped=giorgi, minutes=60)
    assert statistics.figures().minutes_all_time == 60


def test_the_page_shows_figures_and_quotes_the_report(client, nino, giorgi, home_pages):
    exchange(helper=nino, helped=giorgi, minutes=180)
    text = client.get("/time-bank/").content.decode()
    assert "დროის ბანკი ციფრებში" in text
    assert "<strong>3</strong> გაცვლილი საათი სულ" in text
    assert "დაახლოებით 600 ადამიანი" in text and "ანგარიშის მონაცემია" in text
    english = client.get("/en/time-bank/").content.decode()
    assert "about 600 people" in english and "report's figure" in english


def test_the_template_tag_for_the_home_page(nino, giorgi):
    exchange(helper=nino, helped=giorgi, minutes=120)
    template = Template("{% load timebank_tags %}{% time_bank_figures %}")
    with translation.override("en"):
        html = template.render(Context({}))
    assert "<strong>2</strong> approved members" in html
    assert "<strong>2</strong> hours exchanged in all" in html
    assert "By municipality" not in html
    with translation.override("en"):
        table = Template(
            "{% load timebank_tags %}{% time_bank_figures by_municipality=True %}"
        ).render(Context({}))
    assert "Telavi" in table and "2 h" in table
