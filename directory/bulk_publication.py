"""Publish many organizations at once, leaving what the admin's Publish leaves.

Saving and publishing an organization one by one (`save_revision().publish()`)
costs dozens of queries, a history row and an index update each: an import
of thousands took hours. Here each step is one bulk query per batch, and the
result is the same as publishing each one: the organization live with its
values, one revision holding them (live and latest), a "published" entry in
its admin history, a row in its change history (simple-history), the
`published` signal for organizations that were already published (so those
who proposed a correction hear about it), and the search index updated once,
after the transaction commits, by background tasks (`hub.tasks`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision
from wagtail.signals import published

from directory.history import SNAPSHOT_FIELDS, slugs

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
    for obj in objects:
        obj.live = True
        obj.has_unpublished_changes = False
        obj.expired = False
        obj.first_published_at = obj.first_published_at or now
        obj.last_published_at = now
    _create(model, new)
    if changed:
        model.objects.bulk_update(
            changed,
            [
                f.name
                for f in model._meta.concrete_fields
                if not f.primary_key
                and f.name
                not in ("locale", "translation_key", "latest_revision", "live_revision")
            ],
        )
    _write_relations(model, objects, changed)

    insert(
        Revision,
        [
            {
                "content_type_id": content_type.pk,
                "base_content_type_id": content_type.pk,
                "object_id": str(obj.pk),
                "created_at": now,
                "user_id": None,
                "object_str": str(obj),
                "content": obj.serializable_data(),
                "approved_go_live_at": None,
            }
            for obj in objects
        ],
    )
    revisions = dict(
        Revision.objects.filter(
            base_content_type=content_type,
            object_id__in=[str(obj.pk) for obj in objects],
            created_at=now,
        ).values_list("object_id", "pk")
    )
    for obj in objects:
        obj.latest_revision_id = obj.live_revision_id = revisions[str(obj.pk)]
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s "
            "WHERE id = %s",
            [(obj.latest_revision_id,) * 2 + (obj.pk,) for obj in objects],
        )

    _log_publication(objects, content_type, now)
    _record_history(model, new, changed, now)
    if changed:
        latest = Revision.objects.in_bulk([obj.latest_revision_id for obj in changed])
        for obj in changed:
            published.send(
                sender=model, instance=obj, revision=latest[obj.latest_revision_id]
            )


def _create(model, objects):
    """Insert new translatable objects, then read their ids back by
    (translation key, locale), which is unique: one executemany and one
    query instead of the ORM's per-field work for each object."""
    if not objects:
        return
    fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    insert(model, [{field: getattr(obj, field) for field in fields} for obj in objects])
    ids = {
        (key, locale_id): pk
        for pk, key, locale_id in model.objects.filter(
            translation_key__in={obj.translation_key for obj in objects}
        ).values_list("pk", "translation_key", "locale_id")
    }
    for obj in objects:
        obj.pk = ids[(obj.translation_key, obj.locale_id)]
        obj._state.adding = False
        obj._state.db = connection.alias


def insert(model, rows):
    """INSERT `rows` (dicts of attname: value, the same keys in each) with one
    executemany: none of the ORM's per-object work, values prepared by the
    fields themselves. For tables whose new ids nobody needs back."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in rows[0]]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    params = [
        [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, row.values(), strict=True)
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _write_relations(model, objects, changed):
    for field, column in RELATIONS.items():
        through = getattr(model, field).through
        if changed:
            through.objects.filter(organization_id__in=[o.pk for o in changed]).delete()
        insert(
            through,
            [
                {"organization_id": obj.pk, column: item.pk}
                for obj in objects
                for item in getattr(obj, field).all()
            ],
        )


def _log_publication(objects, content_type, now):
    """The "Published" line of each object's admin history."""
    insert(
        ModelLogEntry,
        [
            {
                "content_type_id": content_type.pk,
                "label": str(obj),
                "action": "wagtail.publish",
                "data": {},
                "timestamp": now,
                "uuid": None,
                "user_id": None,
                "revision_id": obj.latest_revision_id,
                "content_changed": True,
                "deleted": False,
                "object_id": str(obj.pk),
            }
            for obj in objects
        ],
    )


def _record_history(model, new, changed, now):
    """One simple-history row per object: created ("+") or changed ("~")."""
    history = model.history.model
    fields = [field.attname for field in history.tracked_fields]
    rows = []
    for objects, kind in ((new, "+"), (changed, "~")):
        for obj in objects:
            row = {field: getattr(obj, field) for field in fields}
            row.update(
                history_date=now,
                history_type=kind,
                history_user_id=None,
                history_change_reason=None,
            )
            for relation, column in SNAPSHOT_FIELDS.items():
                row[column] = slugs(getattr(obj, relation))
            rows.append(row)
    insert(history, rows)
