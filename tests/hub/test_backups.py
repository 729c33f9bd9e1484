"""backup_site / restore_site: a backup restored into a fresh database and
empty media folders serves the same site (pages, search, API) and files."""

import contextlib
import io
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from consultations import documents
from directory.factories import OrganizationFactory, translate
from initiatives.storage import private_storage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FILES = {
    "public": (default_storage, "original_images/logo.png", b"\x89PNG public"),
    "private": (private_storage(), "attachments/letter.pdf", b"%PDF private"),
    "consultations": (documents.storage, "cases/2026/charter.pdf", b"%PDF case"),
}


@contextlib.contextmanager
def fresh_database(tmp_path):
    """Point the default connection at a new, empty database for a while."""
    settings_dict = connection.settings_dict
    original_name = settings_dict["NAME"]
    if connection.vendor == "sqlite":
        # The test database lives in memory: keep its connection aside.
        kept, connection.connection = connection.connection, None
        settings_dict["NAME"] = str(tmp_path / "fresh.sqlite3")
        try:
            yield
        finally:
            connection.close()
            settings_dict["NAME"] = original_name
            connection.connection = kept
        return
    name = f"{original_name}_restore_{uuid.uuid4().hex[:8]}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = original_name
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_answers(client, organization):
    urls = [
        "/",
        "/en/",
        "/organizations/",
        f"/organizations/{organization.slug}/",
        f"/en/organizations/{organization.slug}/",
        "/search/?q=" + organization.name.split()[0],
        "/api/v1/organizations/",
        f"/api/v1/organizations/{organization.slug}/",
    ]
    answers = {}
    for url in urls:
        response = client.get(url)
        answers[url] = (response.status_code, response.content.decode())
    return answers


def test_backup_restored_into_a_fresh_database_serves_the_same_site(
    client, home_pages, tmp_path, settings
):
    organization = OrganizationFactory(name="ბექაპის საზოგადოება")
    translate(organization, name="Backup Society")
    for storage, name, content in FILES.values():
        storage.save(name, ContentFile(content))
    before = site_answers(client, organization)
    assert before["/organizations/"][0] == 200
    assert "ბექაპის" in before["/search/?q=ბექაპის"][1]  # positive control
    assert "Backup Society" in before[f"/en/organizations/{organization.slug}/"][1]

    out = io.StringIO()
    call_command("backup_site", str(tmp_path / "backup"), stdout=out)
    assert "public, private, consultations" in out.getvalue()

    settings.MEDIA_ROOT = tmp_path / "new-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "new-private"
    settings.CONSULTATIONS_DOCUMENTS_ROOT = tmp_path / "new-private" / "consultations"
    with fresh_database(tmp_path):
        with pytest.raises(Exception):  # noqa: B017 (no tables yet: any DB error)
            client.get("/organizations/")
        connection.close()
        call_command("restore_site", str(tmp_path / "backup"), "--noinput", stdout=out)
        after = site_answers(client, organization)
        for storage, name, content in FILES.values():
            with storage.open(name) as restored:
                assert restored.read() == content

    assert after == before
    assert (tmp_path / "new-private" / "consultations" / "cases").is_dir()


def test_restore_refuses_a_folder_without_a_backup(tmp_path):
    with pytest.raises(CommandError, match="holds no readable backup"):
        call_command("restore_site", str(tmp_path), "--noinput")
