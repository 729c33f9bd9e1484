"""NUL bytes and odd Unicode never make a 500 (issue 12, Major 4).

Every public URL pattern of the resolver is requested with each parameter
filled with input no browser sends on its own: a NUL byte, a superscript
digit ('²'.isdigit() is true but int('²') fails), a very long string,
right-to-left marks, an emoji, bytes that are not UTF-8. The same values go
into the query string and into a POSTed form. The answer may be anything a
client can act on (200, 3xx, 400, 404, 405, 429) but never a server error;
the test client re-raises any exception a view lets through.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from directory.factories import OrganizationFactory
from directory.models import Organization
from tests.directory.test_proposal import PROPOSE, new_entry

pytestmark = pytest.mark.django_db

# Percent-encoded, as they travel in a URL.
ODD_VALUES = {
    "nul": "%00",
    "nul-after-digit": "1%00",
    "superscript-two": "%C2%B2",
    "arabic-indic-digits": "%D9%A1%D9%A2",
    "very-long": "x" * 3000,
    "rtl-marks": "%E2%80%8F%E2%80%AEabc",
    "emoji": "%F0%9F%98%80",
    "not-utf8": "%FF%FE",
}
# Decoded, for form fields.
ODD_TEXTS = {
    "nul": "\x00",
    "superscript-two": "²",
    "arabic-indic-digits": "١٢٣٤٥٦٧٨٩",
    "very-long": "ა" * 100_000,
    "rtl-marks": "\u200f\u202eabc",
    "emoji": "😀",
}
PARAMETERS = (
    "q",
    "page",
    "language",
    "organization",
    "municipality",
    "topic",
    "legal_form",
    "with",
    "stage",
    "kind",
    "category",
    "id",
    "page_size",
    "format",
    "next",
)
CONVERTER = re.compile(r"<(?:\w+:)?\w+>")
REGEX_GROUP = re.compile(r"\((?:[^()]|\([^()]*\))*\)[?*+]?")


def _pieces(pattern):
    """The literal text of a pattern, with `{}` where a parameter goes."""
    if isinstance(pattern, RoutePattern):
        return CONVERTER.sub("{}", str(pattern))
    if isinstance(pattern, RegexPattern):
        text = pattern._regex.lstrip("^").rstrip("$").replace("\\Z", "")
        text = REGEX_GROUP.sub("{}", text)
        return text.replace("\\", "")
    return ""


def public_paths(patterns=None, prefix=""):
    """Every URL shape of the site outside the admin, `{}` for parameters."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if isinstance(entry.pattern, LocalePrefixPattern):
                for language in ("", "en/"):
                    yield from public_paths(entry.url_patterns, prefix + language)
                continue
            piece = _pieces(entry.pattern)
            if piece.startswith(("admin/", "i18n/")):
                continue
            yield from public_paths(entry.url_patterns, prefix + piece)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + _pieces(entry.pattern)


def georgian_paths():
    """One path per view: the English ones (/en/...) reach the same views."""
    return sorted(
        {path for path in public_paths() if not path.startswith("/en/")} | {"/en/{}"}
    )


def test_the_walk_finds_the_public_patterns():
    paths = set(public_paths())
    for expected in (
        "/organizations/{}/",
        "/en/organizations/propose/",
        "/api/v1/organizations/{}/",
        "/data/organizations.csv",
        "/initiatives/{}/",
        "/time-bank/{}/respond/",
        "/consultations/track/{}/",
    ):
        assert expected in paths, expected
    assert not any(path.startswith("/admin/") for path in paths)


@pytest.fixture
def site_with_data(home_pages):
    OrganizationFactory(name="ტელავის ახალგაზრდული ცენტრი")
    assert Organization.objects.filter(live=True).exists()


def assert_no_server_error(response, url):
    assert response.status_code < 500, url


@pytest.mark.parametrize("kind", list(ODD_VALUES))
def test_every_public_path_parameter(client, site_with_data, kind):
    value = ODD_VALUES[kind]
    for shape in georgian_paths():
        url = shape.replace("{}", value)
        assert_no_server_error(client.get(url), url)


@pytest.mark.parametrize("kind", list(ODD_VALUES))
def test_every_public_path_with_odd_query_parameters(client, site_with_data, kind):
    value = ODD_VALUES[kind]
    query = "&".join(f"{name}={value}" for name in PARAMETERS)
    for shape in georgian_paths():
        url = shape.replace("{}", "1") + "?" + query
        assert_no_server_error(client.get(url), url)


@pytest.mark.parametrize("kind", list(ODD_TEXTS))
def test_every_public_form_takes_odd_text_without_a_500(client, site_with_data, kind):
    text = ODD_TEXTS[kind]
    fields = {name: text for name in (*PARAMETERS, *new_entry())}
    for shape in georgian_paths():
        url = shape.replace("{}", "1")
        assert_no_server_error(client.post(url, fields), url)


@pytest.mark.parametrize(
    "url",
    [
        "/organizations/%00/",
        "/api/v1/organizations/1%00/",
        "/api/v1/organizations/%C2%B2/",
        "/api/v1/organizations/%D9%A1/",
        "/api/v1/organizations/?language=%00",
        "/data/organizations.csv?language=%00",
        "/data/organizations.json?language=%00",
        "/data/organizations.xlsx?language=%00",
        "/organizations/propose/?organization=%00",
    ],
)
def test_the_reported_requests_are_refused_cleanly(client, site_with_data, url):
    response = client.get(url)

    assert response.status_code in (400, 404)


ARABIC_INDIC_CODE = "٤١٢٣٤٥٦٧٨"  # nine digits, but not the registry's


def test_the_public_form_takes_ascii_digits_only(client, home_pages):
    response = client.post(PROPOSE, new_entry(identification_code=ARABIC_INDIC_CODE))

    assert response.status_code == 200
    assert "identification_code" in response.context["form"].errors
    assert not Organization.objects.exists()


def test_the_model_and_so_the_admin_take_ascii_digits_only(home_pages):
    from django.core.exceptions import ValidationError

    organization = OrganizationFactory.build(identification_code=ARABIC_INDIC_CODE)
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert "identification_code" in error.value.message_dict


def test_the_import_takes_ascii_digits_only(home_pages, tmp_path):
    from directory.tabular import COLUMNS, RowProblem, read_table

    row = dict.fromkeys(COLUMNS, "")
    row.update(
        name_ka="ახალი ორგანიზაცია",
        legal_form="nnle",
        municipalities="telavi",
        identification_code=ARABIC_INDIC_CODE,
    )
    table = ",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n"

    path = tmp_path / "directory.csv"
    path.write_text(table, encoding="utf-8")

    [problem] = list(read_table(path))

    assert isinstance(problem, RowProblem)
    assert "9" in str(problem)
