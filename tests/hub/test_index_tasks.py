"""Large index updates (a directory import) run as background tasks."""

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend

from directory.factories import OrganizationFactory
from directory.models import Organization
from hub import tasks
from tests.indexing import auto_updated_backends
from tests.worker import QUEUED, run_the_worker

pytestmark = pytest.mark.django_db


def found(name):
    return list(get_search_backend().search(name, Organization))


def test_objects_are_indexed_by_the_worker_after_the_commit(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    # Saved while the index is not kept up to date: not findable yet.
    organizations = OrganizationFactory.create_batch(3, name="ზეგაანის თემი")
    settings.WAGTAILSEARCH_BACKENDS = auto_updated_backends()
    settings.TASKS = QUEUED
    monkeypatch.setattr(tasks, "INDEX_CHUNK", 2)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        tasks.index_after_commit(Organization, [o.pk for o in organizations])
        assert DBTaskResult.objects.count() == 0  # nothing before the commit
    assert len(callbacks) == 1
    # Two tasks (chunks of 2 and 1) wait for the worker; the request is done.
    assert DBTaskResult.objects.count() == 2
    assert found("ზეგაანის") == []

    run_the_worker(monkeypatch)

    assert {o.pk for o in found("ზეგაანის")} == {o.pk for o in organizations}


def test_an_object_no_longer_indexable_is_skipped(settings):
    organization = OrganizationFactory(name="ზეგაანის თემი")
    settings.WAGTAILSEARCH_BACKENDS = auto_updated_backends()
    Organization.objects.filter(pk=organization.pk).delete()
    tasks.update_search_index.call(Organization._meta.label, [organization.pk])
    assert found("ზეგაანის") == []
