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
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="ka">' in response.content.decode()
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'hreflang="ka"' in html


@pytest.mark.django_db
def test_load_demo_data_is_idempotent(capsys):
    call_command("load_demo_data")
    first = capsys.readouterr().out
    assert "Demo content loaded" in first
    call_command("load_demo_data")
    second = capsys.readouterr().out
    assert "already loaded" in second
    assert "council1" in second


@pytest.mark.django_db
def test_demo_data_refused_without_permission(settings):
    from django.core.management.base import CommandError

    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")
