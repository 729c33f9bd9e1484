"""The public forms follow the GOV.UK error-summary pattern, list municipalities
in the visitor's alphabet, and a text too large for the server is explained in
Georgian instead of a bare error."""

import re

import pytest


def summary_links(html):
    start = html.index('class="error-summary"')
    summary = html[start : html.index("</div>", html.index("</ul>", start))]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


@pytest.mark.parametrize(
    ("prefix", "title_prefix"), [("", "შეცდომა:"), ("/en", "Error:")]
)
def test_proposal_errors_are_summarised_and_linked(
    client, home_pages, prefix, title_prefix
):
    response = client.post(f"{prefix}/organizations/propose/", {"kind": "new"})
    html = response.content.decode()
    assert re.search(rf"<title>{title_prefix} ", html)
    assert "autofocus" in html[html.index('class="error-summary"') - 80 :][:200]
    targets = [target for target, _text in summary_links(html)]
    assert targets == [
        "id_name",
        "id_legal_form",
        "id_municipalities_0",
        "id_submitter_email",
    ]
    for target in targets:
        assert f'id="{target}"' in html  # each link lands on a field
    # Each field's message is tied to its control.
    assert 'aria-describedby="id_name_error"' in html or (
        'aria-describedby="id_name_helptext id_name_error"' in html
    )
    assert 'id="id_name_error"' in html


def test_initiative_errors_link_checkboxes_and_radios(client, home_pages):
    html = client.post("/en/initiatives/submit/", {}).content.decode()
    targets = dict(summary_links(html))
    assert "id_title" in targets and "id_public_name_0" in targets
    assert "id_consent" in targets
    assert html.count('class="error-summary"') == 1
    assert "<title>Error: " in html


def test_a_form_without_errors_has_no_summary_and_no_error_title(client, home_pages):
    html = client.get("/organizations/propose/").content.decode()
    assert 'error-summary"' not in html
    assert "<title>შეცდომა:" not in html


@pytest.mark.parametrize("path", ["/organizations/propose/", "/initiatives/submit/"])
def test_municipalities_are_in_georgian_alphabetical_order(client, home_pages, path):
    html = client.get(path).content.decode()
    names = [
        "ახმეტა",
        "გურჯაანი",
        "დედოფლისწყარო",
        "თელავი",
        "ლაგოდეხი",
        "საგარეჯო",
        "სიღნაღი",
        "ყვარელი",
    ]
    positions = [
        html.index(f">{name}<")
        if f">{name}<" in html
        else html.index(f" {name}</label>")
        for name in names
    ]
    assert positions == sorted(positions)
    english = client.get("/en" + path).content.decode()
    names_en = [
        "Akhmeta",
        "Dedoplistskaro",
        "Gurjaani",
        "Kvareli",
        "Lagodekhi",
        "Sagarejo",
        "Sighnaghi",
        "Telavi",
    ]
    positions = [english.index(name) for name in names_en]
    assert positions == sorted(positions)


def test_the_filters_list_municipalities_in_the_interface_language(client, home_pages):
    html = client.get("/organizations/").content.decode()
    select = html[html.index('name="municipality"') :]
    select = select[: select.index("</select>")]
    names = re.findall(r">([^<]+)</option>", select)[1:]
    assert names == sorted(names) and names[0] == "ახმეტა"


def test_description_length_is_limited_in_the_browser_and_the_form(client, home_pages):
    html = client.get("/organizations/propose/").content.decode()
    assert re.search(r'<textarea name="description"[^>]*maxlength="5000"', html)
    response = client.post(
        "/en/organizations/propose/",
        {"kind": "new", "name": "X", "description": "a" * 5001},
    )
    assert "Ensure this value has at most 5000 characters" in response.content.decode()


def test_three_megabytes_in_a_field_is_explained_in_georgian(client, home_pages):
    response = client.post(
        "/organizations/propose/", {"kind": "new", "description": "ა" * 1_000_000}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ka">' in html
    assert "მოთხოვნის" in html  # "The request could not be understood", in Georgian
