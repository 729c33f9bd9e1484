"""Several application servers: one database, one object storage.

Two `manage.py runserver` processes share the test's PostgreSQL database and
an S3-compatible object storage (moto's server, a local stand-in for S3): a
document uploaded through the admin of one is downloaded from the other, and
a private file written to the private bucket is not readable without
credentials. SQLite cannot be shared by two servers, so the two-process test
runs only when DATABASE_URL is PostgreSQL (CI's PostgreSQL pass).
"""

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from hub.factories import SuperuserFactory

ROOT = Path(__file__).resolve().parents[2]
PUBLIC, PRIVATE = "kh-media", "kh-private"

pytest.importorskip("moto", reason="moto[server] (requirements.txt) is missing")
requests = pytest.importorskip("requests")
boto3 = pytest.importorskip("boto3")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, process, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url}: the server stopped ({process.returncode})")
        try:
            requests.get(url, timeout=5, allow_redirects=False)
            return
        except requests.ConnectionError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@contextmanager
def running(command, url, env):
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url, process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def object_storage():
    """moto's S3 server on a free port, with a public and a private bucket."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    command = [sys.executable, "-m", "moto.server", "-p", str(port)]
    with running(command, endpoint, {**os.environ, **credentials}):
        s3 = boto3.client("s3", endpoint_url=endpoint, **_keys(credentials))
        s3.create_bucket(Bucket=PUBLIC)
        s3.create_bucket(Bucket=PRIVATE)
        yield {
            **credentials,
            "S3_ENDPOINT_URL": endpoint,
            "AWS_STORAGE_BUCKET_NAME": PUBLIC,
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": PRIVATE,
        }


def _keys(credentials):
    return {
        "aws_access_key_id": credentials["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": credentials["AWS_SECRET_ACCESS_KEY"],
        "region_name": credentials["AWS_DEFAULT_REGION"],
    }


def log_in(base, username, password):
    session = requests.Session()
    page = session.get(f"{base}/admin/login/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token.group(1),
        },
        headers={"Referer": f"{base}/admin/login/"},
        timeout=60,
    )
    assert response.ok and "/admin/login/" not in response.url, response.url
    return session


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="two servers need a shared database: runs when DATABASE_URL is "
    "PostgreSQL (CI's PostgreSQL pass)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upload_through_one_server_is_served_by_the_other(object_storage, password):
    from wagtail.documents import get_document_model

    admin = SuperuserFactory()
    database = connection.settings_dict
    env = {
        **os.environ,
        **object_storage,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
    }
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    ports = free_port(), free_port()
    servers = [f"http://127.0.0.1:{port}" for port in ports]
    command = [sys.executable, "manage.py", "runserver", "--noreload"]
    with (
        running([*command, f"127.0.0.1:{ports[0]}"], servers[0], env),
        running([*command, f"127.0.0.1:{ports[1]}"], servers[1], env),
    ):
        first = log_in(servers[0], admin.username, password)
        form = first.get(f"{servers[0]}/admin/documents/add/", timeout=60)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        content = f"minutes of the meeting {uuid.uuid4()}".encode()
        response = first.post(
            f"{servers[0]}/admin/documents/add/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "title": "Minutes",
                "collection": "1",
            },
            files={"file": ("minutes.txt", content, "text/plain")},
            headers={"Referer": f"{servers[0]}/admin/documents/add/"},
            timeout=60,
        )
        assert response.ok, response.status_code
        document = get_document_model().objects.get(title="Minutes")

        download = requests.get(
            f"{servers[1]}/documents/{document.pk}/{Path(document.file.name).name}",
            timeout=60,
        )
        assert download.status_code == 200
        assert download.content == content

    s3 = boto3.client(
        "s3", endpoint_url=object_storage["S3_ENDPOINT_URL"], **_keys(object_storage)
    )
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=PUBLIC)["Contents"]]
    assert document.file.name in keys  # in the shared bucket, not on a disk


def test_private_files_go_to_the_private_bucket_without_a_public_grant(
    object_storage,
):
    from django.core.files.base import ContentFile

    from hub.object_storage import PrivateS3Storage

    storage = PrivateS3Storage(
        bucket_name=PRIVATE, endpoint_url=object_storage["S3_ENDPOINT_URL"]
    )
    with _aws_environment(object_storage):
        name = storage.save("attachments/letter.pdf", ContentFile(b"%PDF private"))
        s3 = boto3.client(
            "s3",
            endpoint_url=object_storage["S3_ENDPOINT_URL"],
            **_keys(object_storage),
        )
        grants = s3.get_object_acl(Bucket=PRIVATE, Key=name)["Grants"]
        with storage.open(name) as stored:
            assert stored.read() == b"%PDF private"
    assert grants and all("URI" not in grant["Grantee"] for grant in grants)
    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)


@contextmanager
def _aws_environment(values):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
