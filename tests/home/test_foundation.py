import pytest
from django.core.management import call_command

from taxonomy.models import Municipality


@pytest.mark.django_db
def test_eight_municipalities_exist_in_both_languages():
    names = dict(Municipality.objects.values_list("name_en", "name_ka"))
    assert len(names) == 8
    assert names["Telavi"] == "თელავი"
    assert names["Dedoplistskaro"] == "დედოფლისწყარო"


def test_home_page_renders_in_georgian_and_english(client, home_pages):
    """Each language's address serves that language's home page, which points
    to the other one (not just the base template's <html lang>)."""
    georgian = client.get("/")
    english = client.get("/en/")
    assert georgian.context["page"].pk == home_pages["ka"].pk
    assert english.context["page"].pk == home_pages["en"].pk
    assert f'<h1 id="hero-title">{home_pages["ka"].title}</h1>' in (
        georgian.content.decode()
    )
    html = english.content.decode()
    assert '<h1 id="hero-title">Kakheti Regional Hub</h1>' in html
    assert 'hreflang="ka" href="http://testserver/"' in html
    assert 'hreflang="en" href="http://testserver/en/"' in georgian.content.decode()


@pytest.mark.django_db
def test_demo_data_refused_without_permission(settings):
    from django.core.management.base import CommandError

    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")
