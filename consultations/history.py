"""A case's whole history: its own fields, and its sessions, notes and documents.

Each of them has simple-history rows; the case page's "Field changes" view
shows them as one list, newest first, each child's fields named after the
child (e.g. "Session: duration"), including children deleted since.
"""

from itertools import groupby

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from hub.history import field_changes, row_changes

from .models import CaseDocument, CaseNote, CaseSession

CHILDREN = (CaseSession, CaseNote, CaseDocument)


def child_entries(case, model):
    history_model = model.history.model
    rows = (
        history_model.objects.filter(case_id=case.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    record = capfirst(model._meta.verbose_name)
    entries = []
    for _pk, versions in groupby(rows, key=lambda row: row.id):
        for entry in row_changes(list(versions), history_model):
            entry["changes"] = [
                (
                    name,
                    _("%(record)s: %(field)s") % {"record": record, "field": label},
                    old,
                    new,
                )
                for name, label, old, new in entry["changes"]
                if name != "case"
            ]
            entries.append(entry)
    return entries


def case_changes(case):
    """Every recorded change of the case and its records, newest first."""
    entries = field_changes(case)
    for model in CHILDREN:
        entries.extend(child_entries(case, model))
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries
