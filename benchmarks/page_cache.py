"""Throughput of a cached page against a bare Django view sending the same bytes.

A script, not a test. It prepares a scratch SQLite database with the demo
content (or uses `--database-url`), then starts three gunicorn servers with
the same settings and the same number of workers:

- `page cache`: the project as deployed, its anonymous page cache on
  (hub/page_cache.py): every request after the first is a hit;
- `django cache`: the page cache off and Django's own site cache
  (UpdateCacheMiddleware / FetchFromCacheMiddleware) around the stack, for
  comparison;
- `bare view`: the page cache off, and a view that returns the bytes of the
  cached page from memory: the ceiling of any Django response, with the
  same middleware.

wrk (Debian: `apt-get install wrk`; without it, a small Python load
generator) loads each in turn, for several interleaved rounds, so that the
machine's other work weighs on all three alike. It prints requests per
second (median of the rounds) and the ratio to the bare view; the goal is a
ratio of at least 0.5. With REDIS_URL set (e.g. redis://127.0.0.1:6379/7)
both caches are in Redis, as in production; otherwise each worker has its
own local-memory cache. Only 127.0.0.1 is used; everything stops by itself.

    .venv/bin/python benchmarks/page_cache.py
    REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python benchmarks/page_cache.py \\
        --path /en/ --rounds 3 --duration 10 --connections 16 --workers 2
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = """
from config.settings.dev import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {{"version": 1, "root": {{"level": "ERROR"}}}}
MEDIA_ROOT = {media!r}
{extra}
"""
EXTRA = {
    "page cache": "",
    "django cache": (
        "PAGE_CACHE_ENABLED = False\n"
        "MIDDLEWARE = ['django.middleware.cache.UpdateCacheMiddleware', "
        "*MIDDLEWARE, 'django.middleware.cache.FetchFromCacheMiddleware']\n"
        "CACHE_MIDDLEWARE_ALIAS = 'page_cache'\n"
        "CACHE_MIDDLEWARE_SECONDS = 600\n"
    ),
    "bare view": (
        "PAGE_CACHE_ENABLED = False\nROOT_URLCONF = 'kh_page_cache_bench_urls'\n"
    ),
}
BARE_URLS = """
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns

CONTENT = Path({content!r}).read_bytes()


def bare(request):
    return HttpResponse(CONTENT, content_type="text/html; charset=utf-8")


# The project's URLs stay (middleware reverses the admin's), after this one.
urlpatterns = [path("bare/", bare), *project_urlpatterns]
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_settings(scratch, name, extra):
    module = "kh_page_cache_bench_" + re.sub(r"\W", "_", name)
    (scratch / f"{module}.py").write_text(
        SETTINGS.format(media=str(scratch / "media"), extra=extra)
    )
    return module


def environment(scratch, database_url, module):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": module,
        "PYTHONPATH": f"{scratch}{os.pathsep}{ROOT}",
    }


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def start_gunicorn(env, port, workers):
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(600):
        try:
            get(port, "/robots.txt")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def load_with_wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def load_with_python(url, duration, connections):
    """Keep-alive GETs from `connections` threads: the fallback without wrk."""
    host, port, path = re.match(r"http://([^:/]+):(\d+)(/.*)", url).groups()
    deadline = time.monotonic() + duration
    counts = []

    def client():
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        done = 0
        while time.monotonic() < deadline:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{url}: {response.status}")
            done += 1
        counts.append(done)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / duration


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/en/", help="the page to serve")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per load")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--database-url", help="an existing database with content (default: demo)"
    )
    parser.add_argument(
        "--sqlite", help="SQLite file for the demo, kept and reused (default: scratch)"
    )
    arguments = parser.parse_args()
    load = load_with_wrk if shutil.which("wrk") else load_with_python

    with tempfile.TemporaryDirectory(prefix="kh-page-cache-") as directory:
        scratch = Path(directory)
        modules = {
            name: write_settings(scratch, name, extra) for name, extra in EXTRA.items()
        }
        sqlite = Path(arguments.sqlite or scratch / "bench.db").resolve()
        database_url = arguments.database_url or f"sqlite:///{sqlite}"
        if not arguments.database_url and not sqlite.exists():
            print("Preparing a scratch database with the demo content…", flush=True)
            env = environment(scratch, database_url, modules["page cache"])
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo_data")

        servers = {}
        try:
            port = free_port()
            servers["page cache"] = (
                start_gunicorn(
                    environment(scratch, database_url, modules["page cache"]),
                    port,
                    arguments.workers,
                ),
                port,
                arguments.path,
            )
            for _ in range(3 * arguments.workers):  # each worker's first miss
                response, content = get(port, arguments.path)
            if response.status != 200 or response.getheader("X-Page-Cache") != "hit":
                raise SystemExit(
                    f"{arguments.path}: {response.status}, "
                    f"X-Page-Cache {response.getheader('X-Page-Cache')!r}"
                )
            (scratch / "page.html").write_bytes(content)
            (scratch / "kh_page_cache_bench_urls.py").write_text(
                BARE_URLS.format(content=str(scratch / "page.html"))
            )
            for name, path in (
                ("django cache", arguments.path),
                ("bare view", "/bare/"),
            ):
                port = free_port()
                env = environment(scratch, database_url, modules[name])
                servers[name] = (
                    start_gunicorn(env, port, arguments.workers),
                    port,
                    path,
                )
                for _ in range(3 * arguments.workers):
                    response, body = get(port, path)
                assert response.status == 200, (name, response.status)
            print(
                f"{arguments.path}: {len(content)} bytes; {load.__name__}, "
                f"{arguments.connections} connections, {arguments.workers} "
                f"gunicorn workers, {arguments.rounds} rounds of "
                f"{arguments.duration} s; cache: "
                f"{'Redis' if os.environ.get('REDIS_URL') else 'local memory'}",
                flush=True,
            )
            rates = {name: [] for name in servers}
            for round_ in range(arguments.rounds):
                for name, (_, port, path) in servers.items():
                    rate = load(
                        f"http://127.0.0.1:{port}{path}",
                        arguments.duration,
                        arguments.connections,
                    )
                    rates[name].append(rate)
                    print(f"  round {round_ + 1}: {name:13} {rate:8.0f} req/s")
        finally:
            for process, _, _ in servers.values():
                process.terminate()
                process.wait()

    bare = statistics.median(rates["bare view"])
    print("\nmedian req/s   ratio to the bare view")
    for name, values in rates.items():
        median = statistics.median(values)
        print(f"{name:13} {median:8.0f}   {median / bare:.2f}")
    print("goal: page cache ≥ 0.5 of the bare view")


if __name__ == "__main__":
    main()
