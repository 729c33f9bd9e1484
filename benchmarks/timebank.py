"""Server time of the time bank's public listing and a member's statement at
10,000 members and 200,000 transfers (400,000 movements).

A script, not a test: it creates a scratch database (Django's test database:
in memory for SQLite, `test_<name>` for PostgreSQL, destroyed at the end),
fills it in bulk (inside the ledger's writer, so the append-only guards and,
on PostgreSQL, the balanced-transfer trigger still check every row), then
times requests through Django's test client (the whole request/response
cycle, without network) and prints, per URL, the median and 95th percentile
and the number of SQL queries.

Run from the project root:

    .venv/bin/python benchmarks/timebank.py
    .venv/bin/python benchmarks/timebank.py --members 10000 --transfers 200000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kakheti_timebank \\
        .venv/bin/python benchmarks/timebank.py

The goal is a median under 50 ms with a bounded number of queries; numbers
depend on the machine, so compare runs on the same one.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

TITLES = [
    ("garden", "დახმარება ვენახში რთველზე"),
    ("transport", "მანქანით წაყვანა თელავში"),
    ("lessons", "ინგლისურის გაკვეთილები"),
    ("repairs", "ღობის შეკეთება"),
    ("care", "ხანდაზმული მეზობლის მონახულება"),
    ("digital", "სმარტფონის სწავლება"),
]
DESCRIPTION = "შაბათ-კვირას, ორი-სამი საათით, სოფელში და მის ახლოს."


def create_data(member_count, transfer_count, seed=2026):
    from django.db import transaction
    from django.utils import timezone

    from hub.analysis import index_terms
    from taxonomy.models import Municipality
    from timebank.models import (
        Account,
        Category,
        Listing,
        Member,
        Movement,
        Transfer,
        ledger_writing,
    )

    rng = random.Random(seed)
    municipalities = list(Municipality.objects.all())
    categories = {c.slug: c for c in Category.objects.all()}
    now = timezone.now()
    members = Member.objects.bulk_create(
        (
            Member(
                first_name=f"წევრი{n}",
                last_name="ბერიძე",
                public_name=f"წევრი{n} ბ.",
                municipality=municipalities[n % len(municipalities)],
                village="სოფელი",
                phone=f"+995 555 {n:06d}",
                phone_digits=f"555{n:06d}",
                email=f"member{n}@example.org",
                email_confirmed_at=now,
                consent_given_at=now,
                status=Member.Status.APPROVED,
            )
            for n in range(member_count)
        ),
        batch_size=2000,
    )
    accounts = Account.objects.bulk_create(
        (Account(member=member, lower_limit=None) for member in members),
        batch_size=2000,
    )
    hub = Account.objects.hub()
    Listing.objects.bulk_create(
        (
            Listing(
                member=member,
                kind="offer" if n % 3 else "request",
                title=f"{TITLES[n % len(TITLES)][1]} {n}",
                category=categories[TITLES[n % len(TITLES)][0]],
                municipality=member.municipality,
                description=DESCRIPTION,
                search_terms=index_terms(
                    f"{TITLES[n % len(TITLES)][1]} {n}", DESCRIPTION
                ),
                live=True,
            )
            for n, member in enumerate(members + members[: member_count // 2])
        ),
        batch_size=2000,
    )
    today = timezone.localdate()
    batch = 5000
    with ledger_writing():
        for start in range(0, transfer_count, batch):
            size = min(batch, transfer_count - start)
            with transaction.atomic():
                transfers = Transfer.objects.bulk_create(
                    Transfer(
                        kind="exchange"
                        if (start + i) >= member_count
                        else "hub_credit",
                        channel="online",
                        occurred_on=today
                        - datetime.timedelta(days=rng.randint(0, 700)),
                        description="დახმარება",
                    )
                    for i in range(size)
                )
                movements = []
                for i, made in enumerate(transfers):
                    minutes = rng.choice([30, 60, 90, 120])
                    if made.kind == "hub_credit":
                        giver, receiver = hub, accounts[(start + i) % member_count]
                    else:
                        giver, receiver = rng.sample(accounts, 2)
                    movements += [
                        Movement(transfer=made, account=giver, amount=-minutes),
                        Movement(transfer=made, account=receiver, amount=minutes),
                    ]
                Movement.objects.bulk_create(movements, batch_size=5000)
    return members


def index_listings():
    from wagtail.search.backends import get_search_backend

    from timebank.models import Listing

    backend = get_search_backend()
    listings = Listing.objects.select_related("category")
    for start in range(0, listings.count(), 2000):
        backend.add_bulk(Listing, list(listings.order_by("pk")[start : start + 2000]))


def time_url(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: template and URL caches, cached figures
    timings, cpu, sql = [], [], []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        # Read now: the next request's request_started signal clears the log.
        count = len(queries)
        sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return {
        "median": statistics.median(timings),
        "p95": p95,
        "cpu": statistics.median(cpu),
        "sql": statistics.median(sql),
        "queries": count,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--transfers", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from timebank import statistics as figures
    from timebank.members import ensure_user
    from timebank.models import Listing, Member, Movement

    vendor = connection.vendor
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        members = create_data(args.members, args.transfers)
        print(
            f"{args.members} members, {Listing.objects.count()} listings, "
            f"{args.transfers} transfers ({Movement.objects.count()} movements) "
            f"created on {vendor} in {time.perf_counter() - started:.1f} s"
        )
        if vendor == "postgresql":
            # As autovacuum would after a bulk load: the planner needs statistics.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        started = time.perf_counter()
        index_listings()
        print(f"listings indexed in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        figures.compute()
        elapsed = (time.perf_counter() - started) * 1000
        print(f"figures computed (uncached) in {elapsed:.0f} ms")

        # The most active of 200 members: the longest statement to page through.
        busiest = (
            Member.objects.filter(pk__in=[m.pk for m in members[:200]])
            .annotate(n=Count("account__movements"))
            .order_by("-n")
            .first()
        )
        movements = Movement.objects.filter(account__member=busiest).count()
        visitor = Client()
        member_client = Client()
        member_client.force_login(ensure_user(busiest))
        listing = Listing.objects.filter(live=True).order_by("pk")[args.members // 2]
        rows = [
            (visitor, "/time-bank/"),
            (visitor, f"/time-bank/?page={Listing.objects.count() // 40}"),
            (visitor, "/time-bank/?municipality=telavi&category=garden&kind=offer"),
            (visitor, "/time-bank/?q=ვენახში"),
            (visitor, "/en/time-bank/"),
            (visitor, f"/time-bank/{listing.pk}/"),
            (member_client, "/time-bank/me/"),
            (member_client, "/time-bank/me/statement/"),
            (member_client, "/time-bank/me/statement/?page=2"),
        ]
        print(
            f"member's statement: {movements} movements; "
            f"{args.requests} requests per URL"
        )
        print(
            "median and p95: wall time of the request; cpu: this process's CPU "
            "time (Python, templates); sql: time in the database (all medians, ms)"
        )
        print(
            f"{'URL':58} {'median':>7} {'p95':>7} {'cpu':>7} {'sql':>7} {'queries':>7}"
        )
        for client, url in rows:
            r = time_url(client, url, args.requests)
            print(
                f"{url:58} {r['median']:7.1f} {r['p95']:7.1f} {r['cpu']:7.1f} "
                f"{r['sql']:7.1f} {r['queries']:7d}"
            )
        print(f"load average during the run: {os.getloadavg()}")
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
