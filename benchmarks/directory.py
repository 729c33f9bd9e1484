"""Server time of the directory page and the API with 10,000 organizations.

A script, not a test: it creates a scratch database (Django's test database:
in memory for SQLite, `test_<name>` for PostgreSQL, destroyed at the end),
fills it with organizations in bulk, then times requests through Django's
test client (the whole request/response cycle, without network) and prints
the median and 95th percentile per URL.

Run from the project root:

    .venv/bin/python benchmarks/directory.py
    .venv/bin/python benchmarks/directory.py --count 10000 --requests 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kh_bench \\
        .venv/bin/python benchmarks/directory.py

Numbers depend on the machine; compare them between runs on the same one.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def urls(count):
    """What visitors and programs ask for: first, middle and filtered pages."""
    middle = f"bulk-{count // 2}"
    return [
        "/organizations/",
        f"/organizations/?page={max(1, count // 40)}",
        "/organizations/?municipality=telavi&topic=youth",
        "/organizations/?q=ახალგაზრდული",
        "/en/organizations/",
        f"/organizations/{middle}/",
        "/api/v1/organizations/",
        f"/api/v1/organizations/?page={max(1, count // 100)}",
        "/api/v1/organizations/?municipality=telavi&legal_form=union",
        "/api/v1/organizations/?q=ახალგაზრდული&page_size=100",
        f"/api/v1/organizations/{middle}/",
    ]


def create_organizations(count):
    from wagtail.models import Locale

    from directory.models import Organization
    from taxonomy.models import Municipality, Topic

    locale = Locale.objects.get(language_code="ka")
    municipalities = list(Municipality.objects.all())
    topics = list(Topic.objects.all())
    forms = [value for value, _label in Organization.LegalForm.choices]
    kinds = ["ახალგაზრდული ცენტრი", "ფერმერთა კავშირი", "მწვანე ალიანსი"]
    organizations = Organization.objects.bulk_create(
        (
            Organization(
                locale=locale,
                name=f"{municipalities[n % 8].name_ka} {kinds[n % 3]} {n}",
                slug=f"bulk-{n}",
                legal_form=forms[n % len(forms)],
                description="ადგილობრივი თემის განვითარება და მოქალაქეების ჩართულობა.",
                target_groups="ახალგაზრდები, ქალები",
                email=f"info{n}@example.org",
                live=True,
            )
            for n in range(count)
        ),
        batch_size=1000,
    )
    places, subjects = [], []
    for n, organization in enumerate(organizations):
        for offset in (0, 3):
            places.append(
                Organization.municipalities.through(
                    organization=organization,
                    municipality=municipalities[(n + offset) % len(municipalities)],
                )
            )
            subjects.append(
                Organization.fields_of_work.through(
                    organization=organization, topic=topics[(n + offset) % len(topics)]
                )
            )
    Organization.municipalities.through.objects.bulk_create(places, batch_size=5000)
    Organization.fields_of_work.through.objects.bulk_create(subjects, batch_size=5000)


def time_url(client, url, requests):
    client.get(url)  # warm-up: template and URL caches
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    vendor = connection.vendor
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        create_organizations(args.count)
        print(
            f"{args.count} organizations created on {vendor} in "
            f"{time.perf_counter() - started:.1f} s; {args.requests} requests per URL"
        )
        client = Client()
        print(f"{'URL':62} {'median ms':>10} {'p95 ms':>8}")
        for url in urls(args.count):
            median, p95 = time_url(client, url, args.requests)
            print(f"{url:62} {median:10.1f} {p95:8.1f}")
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
