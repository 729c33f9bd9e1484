"""Response headers under the production settings, the CSP included."""

import pytest

from tests.security.settings_loader import PRODUCTION_ENV, load_settings

SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
    "MIDDLEWARE",
]


@pytest.fixture(scope="module")
def production_security():
    values = load_settings(
        "config.settings.production", PRODUCTION_ENV, SECURITY_SETTINGS
    )
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production_headers(settings, production_security):
    for name, value in production_security.items():
        setattr(settings, name, value)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }


@pytest.mark.django_db
def test_public_pages_carry_the_security_headers(
    production_headers, client, home_pages
):
    response = client.get("/", secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_origin(
    production_headers, client, home_pages
):
    policy = directives(client.get("/", secure=True))

    for directive in ("script-src", "style-src", "font-src", "img-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_gets_only_its_inline_allowances(production_headers, admin_client):
    policy = directives(admin_client.get("/admin/", secure=True))

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["font-src"] == ["'self'"]


@pytest.mark.django_db
def test_plain_http_is_sent_to_https(production_headers, client):
    response = client.get("/organizations/")

    assert response.status_code == 301
    assert response["Location"].startswith("https://")
