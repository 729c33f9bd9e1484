"""Server time of the search page over 20,000 indexed items, on PostgreSQL.

Needs a scratch PostgreSQL database (it is filled with generated content):

    createdb -h 127.0.0.1 -U postgres kh_search_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/kh_search_bench
    .venv/bin/python benchmarks/search.py

The first run migrates, creates 18,000 organizations and 2,000 news pages in
Georgian and English, and indexes them (a few minutes); later runs reuse them.
It then requests the search page through Django's test client (the time
measured is the server's: view, search, template) for a mix of Georgian,
English, transliterated and filtered queries, and prints the median and 95th
percentile. Not a test: no threshold, only figures.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

ORGANIZATIONS = 18_000
NEWS_PAGES = 2_000
ROUNDS = 5

WORDS_KA = (
    "მოხალისეობა მოხალისეების ახალგაზრდები ახალგაზრდული ცენტრი ფერმერები "
    "ფერმერთა კავშირი განათლების ფონდი ქალთა ასოციაცია თემის განვითარება "
    "მოქალაქეების ჩართულობა სამოქალაქო ორგანიზაციები მუნიციპალიტეტში დროის "
    "ბანკი ასოცირების შეთანხმება თავისუფალი ვაჭრობა ტურიზმი მევენახეობა ღვინო "
    "სკოლა ბიბლიოთეკა გზა წყალი სარწყავი ტრენინგი შეხვედრა ფორუმი"
).split()
WORDS_EN = (
    "volunteering volunteers young people youth centre farmers union education "
    "foundation women association community development civic engagement "
    "organizations municipality time bank agreement free trade tourism wine "
    "school library road water irrigation training meeting forum"
).split()
TOWNS_KA = "თელავის გურჯაანის სიღნაღის ყვარლის ახმეტის ლაგოდეხის".split()
TOWNS_EN = "Telavi Gurjaani Sighnaghi Kvareli Akhmeta Lagodekhi".split()

QUERIES = [
    ("ka", {"q": "მოხალისეობა"}),
    ("ka", {"q": "ფერმერების კავშირი"}),
    ("ka", {"q": "ახალგაზრდული ცენტრი თელავში"}),
    ("ka", {"q": "ᲓᲠᲝᲘᲡ ᲑᲐᲜᲙᲘ"}),
    ("ka", {"q": "mokhaliseoba"}),
    ("ka", {"q": "kvareli"}),
    ("ka", {"q": "სარწყავი წყალი", "page": "3"}),
    ("ka", {"q": "განათლება", "type": "organization"}),
    ("ka", {"q": "ტრენინგი", "municipality": "telavi"}),
    ("en", {"q": "volunteers"}),
    ("en", {"q": "young people training"}),
    ("en", {"q": "free trade agreement", "type": "news"}),
    ("en", {"q": "volunter irigation"}),
    ("en", {"q": "zzzznothing"}),
]


def sentence(words, rng, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def build(rng):
    from django.core.management import call_command
    from wagtail.models import Locale

    from directory.models import Organization
    from home.factories import home_pages
    from home.models import NewsIndexPage, NewsPage
    from taxonomy.models import Municipality

    if Organization.objects.count() >= ORGANIZATIONS:
        return
    print("Building content...", flush=True)
    locales = {lo.language_code: lo for lo in Locale.objects.all()}
    municipalities = list(Municipality.objects.all())
    orgs = []
    for n in range(ORGANIZATIONS):
        georgian = n % 2 == 0
        town = (TOWNS_KA if georgian else TOWNS_EN)[n % len(TOWNS_KA)]
        words = WORDS_KA if georgian else WORDS_EN
        orgs.append(
            Organization(
                locale=locales["ka" if georgian else "en"],
                name=f"{town} {sentence(words, rng, 3)} {n}",
                slug=f"bench-{n}",
                description=" ".join(sentence(words, rng, 12) for _ in range(3)),
                target_groups=sentence(words, rng, 3),
                live=True,
                staff_notes="private",
            )
        )
    Organization.objects.bulk_create(orgs, batch_size=2000)
    through = Organization.municipalities.through
    through.objects.bulk_create(
        [
            through(organization_id=pk, municipality_id=municipalities[i % 8].pk)
            for i, pk in enumerate(Organization.objects.values_list("pk", flat=True))
        ],
        batch_size=5000,
    )
    homes = home_pages()
    for language, home in homes.items():
        index = NewsIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
        words = WORDS_KA if language == "ka" else WORDS_EN
        for n in range(NEWS_PAGES // 2):
            index.add_child(
                instance=NewsPage(
                    title=sentence(words, rng, 5),
                    slug=f"bench-{n}",
                    lead=sentence(words, rng, 15),
                    municipality=municipalities[n % 8],
                    live=True,
                )
            )
    print("Indexing...", flush=True)
    call_command("update_search_index", verbosity=0)


def _analyze():
    # After a bulk load PostgreSQL's planner statistics are stale until
    # autovacuum catches up; with them a multi-word search picks a nested loop
    # over the index table (measured: 39 s instead of 0.15 s). Production
    # tables are analyzed by autovacuum; the benchmark does it explicitly.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure():
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    timings = []
    for _ in range(ROUNDS):
        for language, params in QUERIES:
            url = "/search/" if language == "ka" else "/en/search/"
            start = time.perf_counter()
            response = client.get(url, params)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200, (params, response.status_code)
    return timings


def main():
    import django

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a scratch PostgreSQL database (see docstring).")
    django.setup()
    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    call_command("migrate", verbosity=0)
    build(random.Random(2026))
    _analyze()
    measure()  # warm-up: caches, connections
    timings = sorted(measure())
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"indexed items: {IndexEntry.objects.count()}")
    print(f"requests: {len(timings)} ({len(QUERIES)} queries x {ROUNDS})")
    print(f"median: {statistics.median(timings) * 1000:.0f} ms")
    print(f"95th percentile: {p95 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
