"""Organizations in the directory, and how many updated their profile.

An organization is counted once (its Georgian row; translations share its
`translation_key`). "In the directory" means live and first published by the
period's end. "Updated their profile" counts organizations with a change in
their history (django-simple-history, which records published changes only)
during the period's last year (this year when the period is open), other
than on the day they were added.
"""

import datetime
from collections import Counter

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Organization
from hub import page_tree

from ..figures import Figure, Section, Table


def listed(period):
    organizations = Organization.objects.filter(
        live=True, locale_id=page_tree.default_locale_id()
    ).order_by()
    _start, end = period.aware_bounds()
    if end is not None:
        organizations = organizations.filter(
            Q(first_published_at__lt=end) | Q(first_published_at__isnull=True)
        )
    return organizations


def updated_keys(organizations, year):
    """Keys of organizations with a change recorded in `year`, not counting
    the day they were added (adding and first publishing is not an update)."""
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
    keys = organizations.values("translation_key")
    history = Organization.history.order_by()
    added = dict(
        history.filter(history_type="+", translation_key__in=keys)
        .values_list("translation_key")
        .annotate(first=Min("history_date"))
    )
    changes = history.filter(
        history_type="~",
        history_date__gte=start,
        history_date__lt=end,
        translation_key__in=keys,
    ).values_list("translation_key", "history_date")
    return {
        key
        for key, when in changes
        if key not in added
        or timezone.localdate(when) != timezone.localdate(added[key])
    }


def section(period, municipalities):
    year = period.update_year()
    organizations = listed(period)
    all_updated = updated_keys(organizations, year)
    links = list(
        Organization.municipalities.through.objects.filter(
            organization__in=organizations
        ).values_list("municipality_id", "organization__translation_key")
    )
    listed_by, updated_by = Counter(), Counter()
    for municipality_id, key in links:
        listed_by[municipality_id] += 1
        if key in all_updated:
            updated_by[municipality_id] += 1
    if period.municipality is None:
        total, updated = organizations.count(), all_updated
    else:
        keys = {key for pk, key in links if pk == period.municipality_id}
        total, updated = len(keys), all_updated & keys
    return Section(
        key="directory",
        title=_("Organizations in the directory"),
        figures=[
            Figure("organizations", _("organizations in the directory"), total),
            Figure(
                "organizations_updated",
                _("organizations that updated their profile in %(year)s")
                % {"year": year},
                len(updated),
            ),
        ],
        tables=[
            Table(
                "organizations-by-municipality",
                _("Organizations by municipality (one may work in several)"),
                [
                    _("Municipality"),
                    _("Organizations"),
                    _("Updated their profile in %(year)s") % {"year": year},
                ],
                [
                    [
                        municipality.name,
                        listed_by[municipality.pk],
                        updated_by[municipality.pk],
                    ]
                    for municipality in municipalities
                ],
            )
        ],
    )
