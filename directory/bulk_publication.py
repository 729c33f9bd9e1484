"""Publish many organizations at once, leaving what the admin's Publish leaves.

Saving and publishing an organization one by one (`save_revision().publish()`)
costs dozens of queries, a history row and an index update each: an import
of thousands took hours. Here each step is one bulk query per batch, and the
result is the same as publishing each one: the organization live with its
values, one revision holding them (live and latest), a "published" entry in
its admin history, a row in its change history (simple-history), the
`published` signal for organizations that were already published (so those
who proposed a correction hear about it), and the search index updated once,
after the transaction commits.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import published

from directory.history import snapshot_relations

#: Many-to-many fields written through their tables, with the target column.
RELATIONS = {"municipalities": "municipality_id", "fields_of_work": "topic_id"}


def publish_in_bulk(objects):
    """Save and publish `objects` (new ones without a pk, or changed ones).

    The values, many-to-many ones included, are set in memory on each object
    (a modelcluster cluster); nothing else must have saved them.
    """
    if not objects:
        return
    model = type(objects[0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    new = [o for o in objects if o.pk is None]
    changed = [o for o in objects if o.pk is not None]
    changed_pks = {o.pk for o in changed}
    for obj in objects:
        obj.live = True
        obj.has_unpublished_changes = False
        obj.expired = False
        obj.first_published_at = obj.first_published_at or now
        obj.last_published_at = now
    model.objects.bulk_create(new)
    _write_relations(model, objects, changed)

    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(obj.pk),
            content=obj.serializable_data(),
            created_at=now,
            object_str=str(obj)[:255],
        )
        for obj in objects
    )
    for obj, revision in zip(objects, revisions, strict=True):
        obj.latest_revision = revision
        obj.live_revision = revision
    model.objects.bulk_update(new, ["latest_revision", "live_revision"])
    if changed:
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if not f.primary_key and f.name not in ("locale", "translation_key")
        ]
        model.objects.bulk_update(changed, fields)

    _log_publication(objects, revisions, content_type, now)
    _record_history(model, new, changed, now)
    for obj, revision in zip(objects, revisions, strict=True):
        if obj.pk in changed_pks:
            published.send(sender=model, instance=obj, revision=revision)


def _write_relations(model, objects, changed):
    for field, column in RELATIONS.items():
        through = getattr(model, field).through
        if changed:
            through.objects.filter(organization_id__in=[o.pk for o in changed]).delete()
        through.objects.bulk_create(
            through(organization_id=obj.pk, **{column: item.pk})
            for obj in objects
            for item in getattr(obj, field).all()
        )


def _log_publication(objects, revisions, content_type, now):
    """The "Published" line of each object's admin history."""
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(obj.pk),
            label=str(obj)[:255],
            action="wagtail.publish",
            revision=revision,
            timestamp=now,
            content_changed=True,
            data={},
        )
        for obj, revision in zip(objects, revisions, strict=True)
    )


def _record_history(model, new, changed, now):
    """One simple-history row per object: created ("+") or changed ("~")."""
    history = model.history.model
    fields = [field.attname for field in history.tracked_fields]
    rows = []
    for objects, kind in ((new, "+"), (changed, "~")):
        for obj in objects:
            row = history(
                history_date=now,
                history_type=kind,
                history_user=None,
                history_change_reason=None,
                **{field: getattr(obj, field) for field in fields},
            )
            snapshot_relations(model, obj, row)
            rows.append(row)
    history.objects.bulk_create(rows)


def reindex_after_commit(model, pks):
    """Index the objects once the transaction commits, in chunks."""

    def reindex():
        for start in range(0, len(pks), 1000):
            objects = list(
                model.get_indexed_objects().filter(pk__in=pks[start : start + 1000])
            )
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)

    if pks:
        transaction.on_commit(reindex)
