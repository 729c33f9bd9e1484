"""A NUL byte anywhere in a request is refused once, before any view runs."""

import pytest

NUL_REQUESTS = [
    "/organizations/%00/",
    "/organizations/?q=%00",
    "/organizations/propose/?organization=%00",
    "/api/v1/organizations/1%00/",
    "/api/v1/organizations/?language=%00",
    "/data/organizations.csv?language=%00",
    "/data/organizations.json?topic=%00",
    "/data/organizations.xlsx?municipality=%00",
    "/data/initiatives.csv?topic=%00",
    "/initiatives/?municipality=%00",
    "/initiatives/track/%00/",
    "/events/?municipality=%00",
    "/search/?q=%00",
    "/en/search/?q=a%00b",
    "/?x%00=1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", NUL_REQUESTS)
def test_nul_in_path_or_parameter_is_a_clean_400(client, home_pages, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "400.html" in [template.name for template in response.templates]


@pytest.mark.django_db
def test_nul_in_a_posted_form_is_a_clean_400_in_georgian(client, home_pages):
    response = client.post(
        "/organizations/propose/", {"kind": "new", "name": "ორგანიზაცია\x00"}
    )

    assert response.status_code == 400
    assert "მოთხოვნის" in response.content.decode()


@pytest.mark.django_db
def test_ordinary_requests_pass(client, home_pages):
    assert client.get("/organizations/?q=თელავი").status_code == 200
