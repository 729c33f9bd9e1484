"""Capitalised Georgian labels keep their Mkhedruli first letter (hub.mtavruli)."""

import re

import pytest
from django.template import Context, Template
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy, override

from directory.factories import OrganizationFactory

# A Mtavruli capital directly followed by a Mkhedruli letter: "Ინიციატივები".
MTAVRULI_FIRST = re.compile("[\u1c90-\u1cbf][\u10d0-\u10ff]")


def test_capfirst_keeps_georgian_and_capitalises_latin():
    assert capfirst("ინიციატივები") == "ინიციატივები"
    assert capfirst("initiatives") == "Initiatives"
    assert capfirst("") == ""


def test_capfirst_of_a_lazy_string_keeps_georgian():
    label = capfirst(gettext_lazy("title"))
    with override("ka"):
        assert str(label) == "სათაური"
    with override("en"):
        assert str(label) == "Title"


def test_capfirst_filter_keeps_georgian_and_capitalises_latin():
    template = Template("{{ ka|capfirst }} {{ en|capfirst }}")
    rendered = template.render(Context({"ka": "ინიციატივები", "en": "initiatives"}))
    assert rendered == "ინიციატივები Initiatives"


@pytest.mark.filterwarnings("ignore::django.utils.deprecation.RemovedInDjango60Warning")
def test_django_model_field_labels_keep_georgian():
    # Model form fields take their label from capfirst(verbose_name).
    from directory.models import Organization

    with override("ka"):
        labels = [str(f.formfield().label) for f in Organization._meta.fields[1:]]
    assert not any(MTAVRULI_FIRST.search(label) for label in labels), labels


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/pages/{home}/",
        "/admin/pages/{home}/edit/",
        "/admin/images/",
        "/admin/snippets/directory/organization/",
        "/admin/snippets/directory/organization/edit/{organization}/",
    ],
)
def test_georgian_admin_pages_have_no_mtavruli_first_letters(
    admin_client, home_pages, url
):
    organization = OrganizationFactory()
    url = url.format(home=home_pages["ka"].pk, organization=organization.pk)
    response = admin_client.get(url)  # no Accept-Language: LANGUAGE_CODE "ka"
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ka"' in html
    found = sorted({m.group() for m in MTAVRULI_FIRST.finditer(html)})
    assert found == [], f"Mtavruli first letters on {url}: {found}"
