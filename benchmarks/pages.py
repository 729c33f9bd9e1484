"""Server time and SQL queries of the public page types, uncached and cached,
against Wagtail's bakerydemo (issue 16, "Speed and scale-out").

A script, not a test. It creates a scratch database (Django's test database:
a temporary SQLite file by default, `test_<name>` when DATABASE_URL points to
PostgreSQL; destroyed at the end), loads the demo content
(`load_demo_data`) and indexes it for the site search, then picks one
address per public page type from that content (the first live news
article, event, organization, initiative...; no slug is written here) and
requests each through Django's test client: the whole request/response
cycle, without network, DEBUG off, every request as a new anonymous visitor
(no cookie). For each page it prints

- `uncached`: the median server time with the anonymous page cache off
  (`PAGE_CACHE_ENABLED = False`, hub/page_cache.py), as for a visitor it does
  not serve (a session, a form on the page); the other caches stay warm, as
  on a running server: the pages' public content (hub/content_cache.py),
  menus, the page tree, templates. The first request of each page, a warm-up,
  is not counted;
- `no content`: the same with the content cache off too
  (`CONTENT_CACHE_ENABLED = False`): every page's content rendered with its
  queries (the menus and the page tree still cached), and its queries;
- `cpu`: the CPU time of the process serving it (median): less sensitive to
  the machine's other work than the server time, but without the database
  server's own work when it is PostgreSQL (SQLite runs in the process);
- `queries`: the SQL queries of an uncached request (the most over the
  counted requests; in brackets the warm-up's when it made more);
- `cached`: the median server time with the page cache on
  (`PAGE_CACHE_ENABLED = True`), each counted response checked for the
  `X-Page-Cache: hit` header (the site search is exempt: never cached).

With `--bakerydemo DIR --bakerydemo-python PATH` it also measures comparable
page types of Wagtail's bakerydemo in the same run: a subprocess running
bakerydemo's own Python and settings (`bakerydemo.settings.dev` with DEBUG
off and plain static files storage, on a scratch copy of its SQLite database
`DIR/bakerydemodb`), with Django's test client in-process there too. The
two sides take turns request by request, round after round, so that the
machine's other work weighs on both alike. It prints the ratio
project/bakerydemo per page pair (`PAIRS` below: home to home, news to blog,
organizations to breads...) and of the overall medians (each side's median
of its pages' medians), and whether
the goals of the issue hold: an uncached page at most 1/4 of bakerydemo's
server time for a comparable page type, and at most 12 queries per public
page.

Run from the project root:

    .venv/bin/python benchmarks/pages.py
    .venv/bin/python benchmarks/pages.py --requests 15 \\
        --bakerydemo /tmp/bakerydemo --bakerydemo-python /tmp/bakery-venv/bin/python
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kakheti_pages \\
        .venv/bin/python benchmarks/pages.py

With `--throughput` the same run then measures the page cache's requests per
second against a bare Django view returning the same bytes
(`benchmarks/page_cache.py` with its defaults: gunicorn, wrk).

bakerydemo is fetched separately and never committed. For instance (its
commit 5a01dcd, Wagtail 7.2, runs on Python 3.11; its requirements let pip
pick django-tasks 0.9.0, which fails while loading the data, and Wagtail 7.2.3
accepts no release after 0.9: pin 0.8.1):

    git clone https://github.com/wagtail/bakerydemo /tmp/bakerydemo
    git -C /tmp/bakerydemo checkout 5a01dcd
    python3.11 -m venv /tmp/bakery-venv
    /tmp/bakery-venv/bin/pip install -r /tmp/bakerydemo/requirements/base.txt \\
        django-tasks==0.8.1
    cd /tmp/bakerydemo
    export DJANGO_SETTINGS_MODULE=bakerydemo.settings.dev
    /tmp/bakery-venv/bin/python manage.py migrate
    /tmp/bakery-venv/bin/python manage.py load_initial_data

Figures depend on the machine and its load: compare runs on the same one.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The goals of issue 16.
RATIO_GOAL = 0.25
QUERY_GOAL = 12

SETTINGS = """
from config.settings.test import *  # noqa

DEBUG = False
CONTENT_CACHE_ENABLED = True  # as in production
MEDIA_ROOT = {media!r}
# A key space of its own: a test run on the same Redis never empties it.
CACHES["page_cache"] = {{**CACHES["page_cache"], "KEY_PREFIX": {prefix!r}}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, as bakerydemo's database is (not SQLite's in-memory test base).
    DATABASES["default"]["TEST"] = {{"NAME": {sqlite!r}}}
"""

BAKERY_SETTINGS = """
from bakerydemo.settings.dev import *  # noqa

DEBUG = False
# As this project's test settings: no manifest (collectstatic) needed.
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
"""

#: Run by bakerydemo's Python: answers one JSON line per JSON line read.
BAKERY_WORKER = r"""
import json, sys, time

import django
import wagtail

django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

setup_test_environment()
from bakerydemo.blog.models import BlogIndexPage, BlogPage
from bakerydemo.breads.models import BreadPage, BreadsIndexPage
from bakerydemo.locations.models import LocationPage, LocationsIndexPage
from bakerydemo.recipes.models import RecipeIndexPage, RecipePage
from bakerydemo.base.models import GalleryPage, HomePage, StandardPage


def first(model):
    page = model.objects.live().public().order_by("path").first()
    return page.relative_url(None) if page else None


def word(model):
    for part in model.objects.live().order_by("path").first().title.split():
        if len(part) >= 4 and part.isalpha():
            return part.lower()
    return "bread"


pages = {
    "home": first(HomePage),
    "blog index": first(BlogIndexPage),
    "blog page": first(BlogPage),
    "locations index": first(LocationsIndexPage),
    "location page": first(LocationPage),
    "standard page": first(StandardPage),
    "breads index": first(BreadsIndexPage),
    "bread page": first(BreadPage),
    "recipes index": first(RecipeIndexPage),
    "recipe page": first(RecipePage),
    "gallery": first(GalleryPage),
    "search": "/search/?q=" + word(BreadPage),
}
versions = {
    "Python": sys.version.split()[0],
    "Django": django.get_version(),
    "Wagtail": wagtail.__version__,
}
print(json.dumps({"pages": pages, "versions": versions}), flush=True)
client = Client()
for line in sys.stdin:
    url = json.loads(line)
    client.cookies.clear()
    with CaptureQueriesContext(connection) as queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - started_cpu) * 1000
    answer = {
        "ms": elapsed,
        "status": response.status_code,
        "queries": len(queries),
        "cpu": cpu,
    }
    print(json.dumps(answer), flush=True)
"""

#: This project's page types and their bakerydemo counterparts.
PAIRS = [
    ("home (ka)", "home"),
    ("home (en)", "home"),
    ("news index", "blog index"),
    ("news article", "blog page"),
    ("events index", "locations index"),
    ("event", "location page"),
    ("outreach page", "standard page"),
    ("organizations", "breads index"),
    ("organization", "bread page"),
    ("initiatives", "recipes index"),
    ("initiative", "recipe page"),
    ("time bank", "gallery"),
    ("volunteering", "locations index"),
    ("impact", "standard page"),
    ("search", "search"),
]


def prepare_content():
    """Demo content, indexed for the site search (the test settings do not
    index on save)."""
    from django.core.management import call_command

    with open(os.devnull, "w") as devnull:
        call_command("load_demo_data", stdout=devnull)
    call_command("update_index", verbosity=0)


def project_pages():
    """One address per public page type, taken from the demo content."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from directory.models import Organization
    from home.models import (
        EventIndexPage,
        EventPage,
        NewsIndexPage,
        NewsPage,
        OutreachTopicPage,
    )
    from initiatives.models import Initiative

    georgian = Locale.objects.get(language_code="ka")

    def first(model):
        page = (
            model.objects.live()
            .public()
            .filter(locale=georgian)
            .order_by("path")
            .first()
        )
        if page is None:
            raise SystemExit(f"No live {model.__name__} in the demo content")
        return page

    def path(name, **kwargs):
        with translation.override("ka"):
            return reverse(name, kwargs=kwargs or None)

    article = first(NewsPage)
    term = next(
        (w for w in article.title.split() if len(w) >= 4 and w.isalpha()),
        article.title.split()[0],
    )
    organization = Organization.objects.public(locale=georgian).first()
    initiative = Initiative.objects.filter(live=True).order_by("pk").first()
    if organization is None or initiative is None:
        raise SystemExit("No public organization or initiative in the demo content")
    return {
        "home (ka)": "/",
        "home (en)": "/en/",
        "news index": first(NewsIndexPage).relative_url(None),
        "news article": article.relative_url(None),
        "events index": first(EventIndexPage).relative_url(None),
        "event": first(EventPage).relative_url(None),
        "outreach page": first(OutreachTopicPage).relative_url(None),
        "organizations": path("directory:index"),
        "organization": organization.get_absolute_url(),
        "initiatives": path("initiatives:index"),
        "initiative": path("initiatives:detail", pk=initiative.pk),
        "time bank": path("timebank:index"),
        "volunteering": path("volunteering:index"),
        "impact": path("impact:index"),
        "search": path("search") + "?q=" + term,
    }


class Bakerydemo:
    """bakerydemo in a subprocess of its own Python, one request per call."""

    def __init__(self, directory, python, scratch):
        directory = Path(directory).resolve()
        database = directory / "bakerydemodb"
        if not database.exists():
            raise SystemExit(
                f"{database} not found: prepare bakerydemo first (see the docstring)"
            )
        copy = scratch / "bakerydemodb"
        shutil.copyfile(database, copy)
        (scratch / "kh_pages_bench_bakery.py").write_text(BAKERY_SETTINGS)
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DATABASE_URL", "PYTHONPATH", "DJANGO_SETTINGS_MODULE")
        }
        environment.update(
            DATABASE_URL=f"sqlite:///{copy}",
            DJANGO_SETTINGS_MODULE="kh_pages_bench_bakery",
            PYTHONPATH=f"{scratch}{os.pathsep}{directory}",
            PYTHONWARNINGS="ignore",
        )
        self.process = subprocess.Popen(
            [python, "-c", BAKERY_WORKER],
            cwd=directory,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        if not line:
            self.close()
            raise SystemExit("bakerydemo did not start (see its error above)")
        started = json.loads(line)
        self.pages, self.versions = started["pages"], started["versions"]
        missing = [name for name, url in self.pages.items() if not url]
        if missing:
            self.close()
            raise SystemExit(f"bakerydemo has no live {', '.join(missing)}")

    def get(self, url):
        """Time, queries and time in SQL of one request (ms)."""
        self.process.stdin.write(json.dumps(url) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if answer["status"] != 200:
            raise SystemExit(f"bakerydemo {url}: {answer['status']}")
        return answer["ms"], answer["queries"], answer["cpu"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15, help="counted, per page")
    parser.add_argument("--bakerydemo", help="bakerydemo's checkout, prepared")
    parser.add_argument("--bakerydemo-python", help="bakerydemo's venv's python")
    parser.add_argument(
        "--throughput",
        action="store_true",
        help="then the page cache's throughput against a bare Django view "
        "(benchmarks/page_cache.py: gunicorn, wrk)",
    )
    args = parser.parse_args()
    if bool(args.bakerydemo) != bool(args.bakerydemo_python):
        parser.error("--bakerydemo and --bakerydemo-python go together")

    with tempfile.TemporaryDirectory(prefix="kh-pages-bench-") as directory:
        scratch = Path(directory)
        (scratch / "kh_pages_bench_settings.py").write_text(
            SETTINGS.format(
                media=str(scratch / "media"),
                prefix=f"kh-pages-bench-{os.getpid()}",
                sqlite=str(scratch / "pages.db"),
            )
        )
        sys.path.insert(0, str(scratch))
        os.environ["DJANGO_SETTINGS_MODULE"] = "kh_pages_bench_settings"
        run(args, scratch)
    if args.throughput:
        print("\nPage cache throughput (benchmarks/page_cache.py)", flush=True)
        script = ROOT / "benchmarks" / "page_cache.py"
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")
        }
        subprocess.run([sys.executable, str(script)], env=environment, check=True)


def run(args, scratch):
    import django

    django.setup()
    import wagtail
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        override_settings,
        setup_test_environment,
    )

    from hub.page_cache import HEADER

    setup_test_environment()
    # WhiteNoise's notice that collectstatic never ran: static files are not
    # requested here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    vendor = connection.vendor
    original_name = connection.settings_dict["NAME"]
    bakery = None
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        prepare_content()
        print(
            f"Demo content loaded and indexed on {vendor} in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
        pages = project_pages()
        if args.bakerydemo:
            bakery = Bakerydemo(args.bakerydemo, args.bakerydemo_python, scratch)
        client = Client()

        # As in production: a search is counted by the worker (one INSERT).
        tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

        def get(url, cache, content=True):
            client.cookies.clear()  # a new anonymous visitor every time
            with override_settings(
                PAGE_CACHE_ENABLED=cache, CONTENT_CACHE_ENABLED=content, TASKS=tasks
            ):
                with CaptureQueriesContext(connection) as queries:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                    cpu = (time.process_time() - started_cpu) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{url}: {response.status_code}")
            return elapsed, len(queries), cpu, response.headers.get(HEADER)

        def samples(names):
            return {
                name: {
                    "ms": [],
                    "queries": [],
                    "cpu": [],
                    "cached": [],
                    "hits": 0,
                    "bare": [],
                    "bare_queries": [],
                }
                for name in names
            }

        project = samples(pages)
        bakerydemo = samples(bakery.pages if bakery else ())

        # Warm-up, not counted: templates, URL resolvers, renditions, the
        # default cache's fragments; then the page cache's first store.
        for name, url in pages.items():
            project[name]["first"] = get(url, cache=False)[1]
            get(url, cache=True)
        for url in bakery.pages.values() if bakery else ():
            bakery.get(url)

        print(
            f"{args.requests} rounds; each: every page once uncached "
            + ("taking turns with bakerydemo, " if bakery else "")
            + "then once without the content cache, then once cached",
            flush=True,
        )
        for _ in range(args.requests):
            # The two sides alternate request by request.
            for index in range(max(len(project), len(bakerydemo))):
                if index < len(project):
                    name = list(pages)[index]
                    add(project[name], *get(pages[name], cache=False)[:3])
                if index < len(bakerydemo):
                    name = list(bakerydemo)[index]
                    add(bakerydemo[name], *bakery.get(bakery.pages[name]))
            for name, url in pages.items():
                elapsed, count, _, _ = get(url, cache=False, content=False)
                project[name]["bare"].append(elapsed)
                project[name]["bare_queries"].append(count)
                elapsed, _, _, header = get(url, cache=True)
                project[name]["cached"].append(elapsed)
                project[name]["hits"] += header == "hit"
    finally:
        if bakery:
            bakery.close()
        connection.creation.destroy_test_db(original_name, verbosity=0)

    versions = {
        "Python": sys.version.split()[0],
        "Django": django.get_version(),
        "Wagtail": wagtail.__version__,
    }
    report(args, pages, project, versions, bakery, bakerydemo)


def add(sample, elapsed, count, cpu):
    sample["ms"].append(elapsed)
    sample["queries"].append(count)
    sample["cpu"].append(cpu)


def report(args, pages, project, versions, bakery, bakerydemo):
    median = {name: statistics.median(s["ms"]) for name, s in project.items()}
    most = {name: max(s["queries"]) for name, s in project.items()}
    print(
        "\nThis project (Python {Python}, Django {Django}, Wagtail {Wagtail}), "
        "DEBUG off".format(**versions)
    )
    print(
        f"median server time in ms over {args.requests} requests per page; cpu: "
        "the serving process's CPU time in it (median)"
    )
    print(
        f"{'page':14} {'URL':44} {'uncached':>8} {'cpu':>5} {'queries':>9} "
        f"{'no content':>10} {'queries':>7} {'cached':>8}"
    )
    for name, url in pages.items():
        sample = project[name]
        count = f"{most[name]}"
        if sample["first"] > most[name]:
            count += f" ({sample['first']})"
        if sample["hits"] == args.requests:
            cached = f"{statistics.median(sample['cached']):8.1f}"
        elif sample["hits"] == 0:
            cached = "exempt" if name == "search" else "no hit"
        else:
            cached = f"{sample['hits']}/{args.requests} hits"
        shown = url if len(url) <= 44 else url[:41] + "..."
        print(
            f"{name:14} {shown:44} {median[name]:8.1f} "
            f"{statistics.median(sample['cpu']):5.1f} {count:>9} "
            f"{statistics.median(sample['bare']):10.1f} "
            f"{max(sample['bare_queries']):7} {cached:>8}"
        )
    overall = statistics.median(median.values())
    print(f"{'median of the pages':59} {overall:8.1f}")
    bare = {name: statistics.median(s["bare"]) for name, s in project.items()}
    print(
        f"{'median of the pages without the content cache':59} "
        f"{statistics.median(bare.values()):8.1f}"
    )
    most = {name: max(most[name], *project[name]["bare_queries"]) for name in pages}
    over = [name for name in pages if most[name] > QUERY_GOAL]
    print(
        f"\nGoal: at most {QUERY_GOAL} queries per public page: "
        + (
            f"HOLDS (most: {max(most.values())})"
            if not over
            else f"DOES NOT HOLD for {len(over)} of {len(pages)} pages: "
            + ", ".join(f"{name} ({most[name]})" for name in over)
        )
    )
    if not bakery:
        print(
            "Goal: at most 1/4 of bakerydemo's server time: not measured "
            "(no --bakerydemo)"
        )
        print(f"load average at the end: {os.getloadavg()}")
        return

    bakery_median = {name: statistics.median(s["ms"]) for name, s in bakerydemo.items()}
    print(
        "\nbakerydemo (Python {Python}, Django {Django}, Wagtail {Wagtail}), "
        "DEBUG off, same rounds".format(**bakery.versions)
    )
    print(f"{'page':16} {'URL':42} {'uncached':>8} {'cpu':>5} {'queries':>9}")
    for name, url in bakery.pages.items():
        sample = bakerydemo[name]
        print(
            f"{name:16} {url:42} {bakery_median[name]:8.1f} "
            f"{statistics.median(sample['cpu']):5.1f} {max(sample['queries']):>9}"
        )
    bakery_overall = statistics.median(bakery_median.values())
    print(f"{'median of the pages':59} {bakery_overall:8.1f}")

    def cpu(samples, name):
        return statistics.median(samples[name]["cpu"])

    print(
        f"\nRatio project / bakerydemo, uncached (goal: at most {RATIO_GOAL:.2f}); "
        "the same of the CPU times for comparison"
    )
    print(
        f"{'page':14} {'bakerydemo page':16} {'project':>8} {'bakery':>8} "
        f"{'ratio':>6} {'':4} {'cpu ratio':>9} {'no content':>10}"
    )
    failing = []
    for name, counterpart in PAIRS:
        ratio = median[name] / bakery_median[counterpart]
        if ratio > RATIO_GOAL:
            failing.append(f"{name} {ratio:.2f}")
        print(
            f"{name:14} {counterpart:16} {median[name]:8.1f} "
            f"{bakery_median[counterpart]:8.1f} {ratio:6.2f} "
            + ("ok  " if ratio <= RATIO_GOAL else "over")
            + f" {cpu(project, name) / cpu(bakerydemo, counterpart):9.2f}"
            + f" {bare[name] / bakery_median[counterpart]:10.2f}"
        )
    ratio = overall / bakery_overall
    cpu_ratio = statistics.median(
        cpu(project, name) for name in project
    ) / statistics.median(cpu(bakerydemo, name) for name in bakerydemo)
    print(
        f"{'medians overall':31} {overall:8.1f} {bakery_overall:8.1f} {ratio:6.2f} "
        + ("ok  " if ratio <= RATIO_GOAL else "over")
        + f" {cpu_ratio:9.2f}"
        + f" {statistics.median(bare.values()) / bakery_overall:10.2f}"
    )
    print(
        f"\nGoal: uncached server time at most {RATIO_GOAL:.2f} of bakerydemo's "
        "per comparable page type: "
        + (
            f"HOLDS for all {len(PAIRS)} pairs"
            if not failing
            else f"DOES NOT HOLD for {len(failing)} of {len(PAIRS)} pairs: "
            + ", ".join(failing)
        )
    )
    print(
        f"Goal on the medians overall: {ratio:.2f}, "
        + ("HOLDS" if ratio <= RATIO_GOAL else "DOES NOT HOLD")
    )
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
