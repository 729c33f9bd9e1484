"""Files built off the request path, compared with what the request built:
the open-data downloads (hub/stored_downloads.py) and the staff's exports
(hub/admin_exports.py)."""

import io
import zipfile

from django.http import FileResponse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def body(response):
    """The bytes of a response, streamed or not."""
    return response.getvalue()


def from_the_file(response):
    """Whether the response streams a stored file (one built in the request
    is an HttpResponse)."""
    return isinstance(response, FileResponse)


def xlsx_parts(content):
    """Every part of a workbook but docProps/core.xml: it records when the
    workbook was written, so two builds differ there."""
    with zipfile.ZipFile(io.BytesIO(content)) as workbook:
        return {
            name: workbook.read(name)
            for name in workbook.namelist()
            if name != "docProps/core.xml"
        }


def assert_same_content(stored, built):
    """The same bytes, or for a workbook every part with the data."""
    if stored.startswith(b"PK\x03\x04"):  # a zip: XLSX
        assert xlsx_parts(stored) == xlsx_parts(built)
    else:
        assert stored == built


def assert_same_download(stored, built):
    for header in ("Content-Type", "Content-Disposition"):
        assert stored[header] == built[header]
    assert_same_content(body(stored), body(built))


def queued_runs(task):
    """How many runs of `task` wait for the worker."""
    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).count()


def assert_a_change_queues_one_rebuild(client, url, change, task, worker, on_commit):
    """`change()`, committed, queues one run of the rebuild `task`; until the
    worker (`worker()`) has run it the download is built in the request, with
    the change; then it is the stored file again, with the same bytes."""
    before = body(client.get(url("json")))
    with on_commit(execute=True):
        change()
        assert queued_runs(task) == 0  # nothing before the commit
    assert queued_runs(task) == 1

    response = client.get(url("json"))
    assert not from_the_file(response)
    assert body(response) != before
    in_request = client.get(url("csv"))
    assert queued_runs(task) == 1  # already waiting: not queued again

    worker()

    stored = client.get(url("csv"))
    assert from_the_file(stored)
    assert_same_download(stored, in_request)
    assert queued_runs(task) == 0
