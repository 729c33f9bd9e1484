"""What the organizations' change history needs beyond `hub.history`.

Many-to-many values (municipalities, fields of work) are snapshotted into text
columns of the history row itself, since Wagtail commits them after the save
signal and simple-history's own m2m tracking would see the old values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hub import history

#: Many-to-many fields snapshotted as ";"-separated slugs.
SNAPSHOT_FIELDS = {
    "municipalities": "municipality_slugs",
    "fields_of_work": "topic_slugs",
}


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


def field_changes(organization):
    """The organization's history, newest first (see `hub.history.field_changes`)."""
    from taxonomy.models import Municipality, Topic

    model = type(organization)
    snapshots = {
        "municipality_slugs": (
            "municipalities",
            model._meta.get_field("municipalities").verbose_name,
            {m.slug: m.name for m in Municipality.objects.all()},
        ),
        "topic_slugs": (
            "fields_of_work",
            model._meta.get_field("fields_of_work").verbose_name,
            {t.slug: t.name for t in Topic.objects.all()},
        ),
    }
    return history.field_changes(organization, snapshots)
