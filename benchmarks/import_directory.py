"""Time and memory of `import_directory` on a generated file of 50,000 rows.

A script, not a test: it creates a scratch database (Django's test database:
in memory for SQLite, `test_<name>` for PostgreSQL, destroyed at the end),
writes a CSV of N organizations in the export_directory format (both
languages, two municipalities and two fields of work each), then measures:

- validate: the whole file checked with a bad last row, so that nothing is
  written (the command reports the bad rows and imports nothing);
- import: the good file validated and imported (`import_table`: one pass),
  search indexing included;
- re-import: the same file again (everything unchanged, nothing written);

each with its wall-clock and CPU time (this process's; the database server's
work shows in the wall-clock time only; on a shared machine the CPU time is
the steadier figure), the process's peak resident size (getrusage) and,
with --tracemalloc, the peak of Python's own allocations.

Run from the project root:

    .venv/bin/python benchmarks/import_directory.py
    .venv/bin/python benchmarks/import_directory.py --rows 5000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kh_bench \\
        .venv/bin/python benchmarks/import_directory.py

Numbers depend on the machine; compare them between runs on the same one.
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def write_file(path, rows, bad_last_row=False):
    from directory.tabular import COLUMNS
    from taxonomy.models import Municipality, Topic

    places = list(Municipality.objects.values_list("slug", flat=True))
    topics = list(Topic.objects.values_list("slug", flat=True))
    kinds = ["ახალგაზრდული ცენტრი", "ფერმერთა კავშირი", "მწვანე ალიანსი"]
    with open(path, "w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for n in range(rows):
            bad = bad_last_row and n == rows - 1
            writer.writerow(
                {
                    "identification_code": f"{400000000 + n}",
                    "name_ka": f"{kinds[n % 3]} {n}",
                    "name_en": f"Organization {n}",
                    "slug": f"organization-{n}",
                    "legal_form": "nnle",
                    "founding_year": str(1995 + n % 30),
                    "municipalities": "atlantis"
                    if bad
                    else ";".join(
                        {places[n % len(places)], places[(n + 3) % len(places)]}
                    ),
                    "fields_of_work": ";".join(
                        {topics[n % len(topics)], topics[(n + 2) % len(topics)]}
                    ),
                    "address_ka": f"თელავი, ერეკლე II-ის ქ. {n}",
                    "address_en": f"{n} Erekle II St, Telavi",
                    "target_groups_ka": "ახალგაზრდები, ქალები",
                    "target_groups_en": "Young people, women",
                    "description_ka": "ადგილობრივი თემის განვითარება და "
                    "მოქალაქეების ჩართულობა.",
                    "description_en": "Community development and civic engagement.",
                    "email": f"info{n}@example.org",
                    "phone": "+995 350 27 00 00",
                    "website": f"https://org{n}.example.org/",
                    "facebook_url": "",
                    "is_member": "true" if n % 2 else "false",
                    "status": "active",
                    "data_confirmed_on": "2026-03-01",
                    "is_sample": "false",
                }
            )


TRACE = False  # --tracemalloc: also the peak of Python's own allocations


def measured(label, function, *args):
    """Run `function`, print its time and peak memory, return its result."""
    if TRACE:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = function(*args)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    traced = ""
    if TRACE:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        traced = f"   peak traced {peak / 2**20:6.1f} MB"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label:11} {seconds:7.1f} s (CPU {cpu:6.1f} s)   "
        f"peak RSS so far {rss:6.1f} MB{traced}"
    )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="Also trace Python's allocations (slows everything down 2-3 times).",
    )
    args = parser.parse_args()
    global TRACE
    TRACE = args.tracemalloc

    import django

    django.setup()
    from django.db import connection
    from django.utils import translation

    from directory.models import Organization
    from directory.table_import import import_table
    from directory.tabular import check_text

    vendor = connection.vendor
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    translation.activate("ka")
    try:
        with tempfile.TemporaryDirectory() as folder:
            bad, good = Path(folder) / "bad.csv", Path(folder) / "good.csv"
            write_file(bad, args.rows, bad_last_row=True)
            write_file(good, args.rows)
            size = good.stat().st_size / 2**20
            print(f"{args.rows} rows ({size:.1f} MB) on {vendor}")

            def run(path):
                check_text(path)
                return import_table(path)

            result, problems = measured("validate", run, bad)
            assert result is None and len(problems) == 1, problems
            assert not Organization.objects.exists()
            result, problems = measured("import", run, good)
            print(f"            {result}")
            result, problems = measured("re-import", run, good)
            print(f"            {result}")
            print(
                f"{Organization.objects.count()} organizations in the database "
                "(Georgian and English)"
            )
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
