"""A bad Host or a body over the upload limit gets the Georgian 400 page."""

import pytest

GEORGIAN_400 = "მოთხოვნის გაგება ვერ მოხერხდა"


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["hub.example.org"]


@pytest.mark.django_db
def test_a_bad_host_gets_the_georgian_400_page(production_like, client):
    response = client.get("/", HTTP_HOST="evil.example.net")

    assert response.status_code == 400
    assert GEORGIAN_400 in response.content.decode()


@pytest.mark.django_db
def test_a_body_over_the_limit_gets_the_georgian_400_page(
    production_like, client, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024

    response = client.post(
        "/admin/login/",
        {"username": "x", "password": "y" * 5000},
        HTTP_HOST="hub.example.org",
    )

    assert response.status_code == 400
    assert GEORGIAN_400 in response.content.decode()


@pytest.mark.django_db
def test_the_english_address_gets_the_english_400_page(production_like, client):
    response = client.get("/en/", HTTP_HOST="evil.example.net")

    assert response.status_code == 400
    assert "The request could not be understood" in response.content.decode()
