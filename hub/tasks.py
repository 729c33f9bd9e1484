"""Background tasks of the hub (django-tasks; see TASKS in the settings)."""

from django.apps import apps
from django.db import transaction
from django_tasks import task
from wagtail.search.backends import get_search_backends

from hub import mail


@task()
def deliver_mail(mail_id):
    """Send one stored e-mail; if the server refuses it, try again later."""
    from hub.models import OutgoingMail

    with transaction.atomic():
        stored = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if stored is None or mail.attempt(stored):
            return
        retry_at = None if stored.failed else stored.next_attempt_at
    if retry_at and deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=retry_at).enqueue(mail_id)
    # Otherwise `send_pending_mail` (run every few minutes) tries it again.


#: Objects per indexing task: a large import becomes many small tasks.
INDEX_CHUNK = 1000


@task()
def update_search_index(model_label, pks):
    """Index (or re-index) these objects of a model in every auto-updated
    search backend; objects no longer indexable are skipped."""
    model = apps.get_model(model_label)
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)


def index_after_commit(model, pks):
    """Index many objects off the request path, once the transaction commits
    (a worker runs the tasks in production; development runs them at once)."""
    pks = list(pks)
    label = model._meta.label

    def enqueue():
        for start in range(0, len(pks), INDEX_CHUNK):
            update_search_index.enqueue(label, pks[start : start + INDEX_CHUNK])

    if pks:
        transaction.on_commit(enqueue)
