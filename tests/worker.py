"""The production task worker (django-tasks' `db_worker`) run inside a test."""

import io

from django.core.management import call_command

#: Tasks queued in the database for the worker, as in production (the test
#: settings run them at once).
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_the_worker(monkeypatch):
    """Run every queued task once, as `manage.py db_worker` does in production.

    The worker closes the connections it thinks stale; on PostgreSQL that
    would close the test's own transaction, so that step is left out."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections",
        lambda: None,
    )
    call_command("db_worker", batch=True, interval=0, stdout=io.StringIO())
