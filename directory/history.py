"""Field-by-field change history of organizations (django-simple-history).

Every real save of an organization leaves a historical row with who made it
(HistoryRequestMiddleware) and when. Two Wagtail-specific rules keep the
history truthful:

- saves that only touch bookkeeping (a draft revision pointer, a lock) write
  no row, because the in-memory object then holds unpublished draft values
  that never reached the live record;
- many-to-many values (municipalities, fields of work) are snapshotted into
  text columns of the row itself, since Wagtail commits them after the save
  signal and simple-history's own m2m tracking would see the old values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Saves touching only these fields are Wagtail bookkeeping, not content.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "live_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "approved_go_live_at",
    }
)

#: Not stored in history rows: pointers and timestamps Wagtail maintains.
EXCLUDED_FROM_HISTORY = [
    "latest_revision",
    "live_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
]

#: Many-to-many fields snapshotted as ";"-separated slugs.
SNAPSHOT_FIELDS = {
    "municipalities": "municipality_slugs",
    "fields_of_work": "topic_slugs",
}


# Wagtail's own field names, in words an editor knows.
LABELS = {"live": _("published")}

SNAPSHOT_NAMES = {column: field for field, column in SNAPSHOT_FIELDS.items()}


def is_bookkeeping_save(update_fields):
    return update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS


def slugs(related):
    """The sorted slugs of a (possibly not yet committed) m2m relation."""
    return ";".join(sorted(item.slug for item in related.all()))


class OrganizationSnapshot(models.Model):
    """Extra columns of the historical organization: its m2m values then."""

    municipality_slugs = models.TextField(_("municipalities"), blank=True)
    topic_slugs = models.TextField(_("fields of work"), blank=True)

    class Meta:
        abstract = True


def snapshot_relations(sender, instance, history_instance, **kwargs):
    """pre_create_historical_record receiver: copy the m2m values in."""
    for field, column in SNAPSHOT_FIELDS.items():
        setattr(history_instance, column, slugs(getattr(instance, field)))


# Columns of a historical row that are not the organization's own fields.
_NOT_COMPARED = {"id", "translation_key", "locale"}


def _compared_fields(history_model):
    return [
        field
        for field in history_model._meta.concrete_fields
        if not field.name.startswith("history_") and field.name not in _NOT_COMPARED
    ]


def _display(row, field, names):
    """A human-readable value of `field` in historical `row`."""
    from django.utils.formats import date_format

    value = getattr(row, field.attname)
    if value in (None, ""):
        return ""
    if field.name in ("municipality_slugs", "topic_slugs"):
        return ", ".join(names.get(slug, slug) for slug in value.split(";"))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    if hasattr(value, "isoformat"):
        return date_format(
            value,
            "SHORT_DATETIME_FORMAT" if hasattr(value, "hour") else "SHORT_DATE_FORMAT",
        )
    return str(value)


def field_changes(organization):
    """The organization's history, newest first, as a list of entries.

    Each entry: {"date", "user", "kind" ("created"/"changed"/"deleted"),
    "changes": [(field name, field label, old value, new value), ...]}. Saves that
    changed nothing a person can see are left out.
    """
    from taxonomy.models import Municipality, Topic

    names = {m.slug: m.name for m in Municipality.objects.all()}
    names.update({t.slug: t.name for t in Topic.objects.all()})
    rows = list(
        organization.history.order_by("history_date", "history_id").select_related(
            "history_user"
        )
    )
    fields = _compared_fields(organization.history.model) if rows else []
    entries = []
    previous = None
    for row in rows:
        changes = []
        for field in fields:
            old = _display(previous, field, names) if previous else ""
            new = _display(row, field, names)
            if old != new:
                name = SNAPSHOT_NAMES.get(field.name, field.name)
                label = LABELS.get(name, field.verbose_name)
                changes.append((name, label, old, new))
        if changes or row.history_type != "~":
            entries.append(
                {
                    "date": row.history_date,
                    "user": row.history_user,
                    "kind": {"+": "created", "-": "deleted"}.get(
                        row.history_type, "changed"
                    ),
                    "changes": changes,
                }
            )
        previous = row
    entries.reverse()
    return entries
