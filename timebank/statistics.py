"""The time bank's public figures, counted from the ledger and the members.

Cached for ten minutes; every ledger write clears the cache when it commits
(`timebank.ledger`), so a new exchange shows at once. The report's "about 600
registered" is not computed: it is the founding report's figure and is quoted
as such by the templates (`REPORT_REGISTERED`).
"""

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language

from taxonomy.models import Municipality

from .ledger import FIGURES_CACHE_KEY
from .models import Member, Movement, Transfer

#: The results report: "the hub registered those willing on the site: about 600".
REPORT_REGISTERED = 600
CACHE_SECONDS = 10 * 60
ACTIVE_DAYS = 365


@dataclass
class MunicipalityFigures:
    slug: str
    name_ka: str
    name_en: str
    members: int = 0
    active_members: int = 0
    minutes_all_time: int = 0

    @property
    def name(self):
        return self.name_en if (get_language() or "").startswith("en") else self.name_ka


@dataclass
class Figures:
    members: int = 0
    active_members: int = 0
    exchanges_all_time: int = 0
    minutes_this_month: int = 0
    minutes_all_time: int = 0
    month: datetime.date | None = None
    municipalities: list = field(default_factory=list)

    @property
    def hours_this_month(self):
        return round(self.minutes_this_month / 60)

    @property
    def hours_all_time(self):
        return round(self.minutes_all_time / 60)


def exchanged_movements(helpers_only=True):
    """The helpers' side (or both sides) of every exchange that was not
    corrected away."""
    movements = Movement.objects.filter(
        transfer__kind=Transfer.Kind.EXCHANGE, transfer__reversal__isnull=True
    )
    return movements.filter(amount__gt=0) if helpers_only else movements


def compute():
    today = timezone.localdate()
    month = today.replace(day=1)
    active_since = today - datetime.timedelta(days=ACTIVE_DAYS)
    exchanged = exchanged_movements()
    totals = exchanged.aggregate(
        all_time=Sum("amount"),
        this_month=Sum("amount", filter=Q(transfer__occurred_on__gte=month)),
        count=Count("pk"),
    )
    approved = Member.objects.approved()
    members_by = dict(
        approved.order_by().values_list("municipality").annotate(n=Count("pk"))
    )
    # Members who gave or received in an exchange of the last year: the
    # accounts on either side of those movements (one member, one municipality).
    active_by = dict(
        exchanged_movements(helpers_only=False)
        .filter(
            transfer__occurred_on__gte=active_since,
            account__member__status=Member.Status.APPROVED,
        )
        .order_by()
        .values_list("account__member__municipality")
        .annotate(n=Count("account", distinct=True))
    )
    minutes_by = dict(
        exchanged.order_by()
        .values_list("account__member__municipality")
        .annotate(total=Sum("amount"))
    )
    rows = [
        MunicipalityFigures(
            slug=municipality.slug,
            name_ka=municipality.name_ka,
            name_en=municipality.name_en,
            members=members_by.get(municipality.pk, 0),
            active_members=active_by.get(municipality.pk, 0),
            minutes_all_time=minutes_by.get(municipality.pk, 0) or 0,
        )
        for municipality in Municipality.objects.order_by("name_en")
    ]
    return Figures(
        members=sum(members_by.values()),
        active_members=sum(active_by.values()),
        exchanges_all_time=totals["count"] or 0,
        minutes_this_month=totals["this_month"] or 0,
        minutes_all_time=totals["all_time"] or 0,
        month=month,
        municipalities=rows,
    )


def figures():
    return cache.get_or_set(FIGURES_CACHE_KEY, compute, CACHE_SECONDS)
