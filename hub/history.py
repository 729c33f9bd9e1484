"""Field-by-field change history from django-simple-history, for any model.

Wagtail's own history lists revisions and workflow actions; this reads the
simple-history rows, i.e. what was actually saved to the record, and says which
field changed from what to what, when and by whom.

One Wagtail-specific rule keeps the history truthful: saves that only touch
bookkeeping (a draft revision pointer, a lock) write no row, because the
in-memory object then holds unpublished draft values that never reached the
live record (see `TruthfulHistoryMixin`).
"""

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords

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
WAGTAIL_BOOKKEEPING_COLUMNS = [
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

# Wagtail's own field names, in words an editor knows.
LABELS = {"live": _("published")}

# Columns of a historical row that are not the record's own fields.
_NOT_COMPARED = {"id", "translation_key", "locale"}


def is_bookkeeping_save(update_fields):
    return update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS


class TruthfulHistoryMixin:
    """For models with revisions and simple-history: no history row for a save
    that `skip_history_for` says holds no live content (bookkeeping by default)."""

    def skip_history_for(self, update_fields):
        return is_bookkeeping_save(update_fields)

    def save(self, *args, **kwargs):
        if self.skip_history_for(kwargs.get("update_fields")):
            self.skip_history_when_saving = True
            try:
                return super().save(*args, **kwargs)
            finally:
                del self.skip_history_when_saving
        return super().save(*args, **kwargs)


class ChildHistoricalRecords(HistoricalRecords):
    """simple-history for a model with a ParentalKey (an InlinePanel child).

    simple-history copies the key's field class, and modelcluster forbids the
    `related_name="+"` a history table needs on a ParentalKey; in the history
    table the key is a plain foreign key (without a database constraint).
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, ParentalKey):
                field.swappable = False  # as simple-history does: no app registry
                _name, _path, args, kwargs = field.deconstruct()
                plain = models.ForeignKey(*args, **kwargs)
                plain.name = field.name
                fields[name] = plain
        return fields


def _compared_fields(history_model):
    return [
        field
        for field in history_model._meta.concrete_fields
        if not field.name.startswith("history_") and field.name not in _NOT_COMPARED
    ]


def _display(row, field, snapshot_names):
    """A human-readable value of `field` in historical `row`."""
    value = getattr(row, field.attname)
    if value in (None, ""):
        return ""
    if field.name in snapshot_names:
        names = snapshot_names[field.name]
        return ", ".join(names.get(slug, slug) for slug in value.split(";"))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    if hasattr(value, "hour"):
        # Stored in UTC: shown in the site's time, like the row's own date.
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(local, "SHORT_DATETIME_FORMAT")
    if hasattr(value, "isoformat"):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def field_changes(obj, snapshots=None):
    """`obj`'s history, newest first, as a list of entries.

    Each entry: {"date", "user", "kind" ("created"/"changed"/"deleted"),
    "changes": [(field name, field label, old value, new value), ...]}. Saves
    that changed nothing a person can see are left out.

    `snapshots` describes extra text columns of the history rows that hold
    many-to-many values as ";"-separated slugs: {column: (field name, label,
    {slug: display name})}.
    """
    rows = obj.history.order_by("history_date", "history_id").select_related(
        "history_user"
    )
    return row_changes(list(rows), obj.history.model, snapshots)


def row_changes(rows, history_model, snapshots=None):
    """Entries (as `field_changes` describes them, newest first) for the
    historical `rows` of one record, given oldest first; usable for records
    that no longer exist (e.g. a deleted child of a cluster)."""
    snapshots = snapshots or {}
    snapshot_names = {column: names for column, (_, _, names) in snapshots.items()}
    fields = _compared_fields(history_model) if rows else []
    entries = []
    previous = None
    for row in rows:
        changes = []
        for field in fields:
            old = _display(previous, field, snapshot_names) if previous else ""
            new = _display(row, field, snapshot_names)
            if old != new:
                if field.name in snapshots:
                    name, label, _ = snapshots[field.name]
                else:
                    name = field.name
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
