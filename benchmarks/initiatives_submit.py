"""Throughput of the public initiative form under concurrent citizens.

A script, not a test. It creates a scratch PostgreSQL database (`kh_bench` by
default, dropped and re-created, then migrated), starts gunicorn on a free
loopback port against it, and lets CLIENTS threads submit COUNT initiatives
the way browsers do: GET the form (CSRF cookie and token, submission key),
then POST it. Every tenth client posts its form twice (a double click). The
submit rate limit is switched off through the INITIATIVE_SUBMIT_RATE setting.

At the end it prints throughput and latencies, and checks against the
database and the sent e-mails that no initiative was lost or duplicated.
Everything stops by itself; only 127.0.0.1 is used.

Run from the project root (PostgreSQL on 127.0.0.1:5432):

    .venv/bin/python benchmarks/initiatives_submit.py
    .venv/bin/python benchmarks/initiatives_submit.py --count 200 --clients 16 \\
        --workers 4 --database kh_bench --keep-db

Numbers depend on the machine; compare them between runs on the same one.
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
FORM = "/en/initiatives/submit/"
SETTINGS = """
from config.settings.dev import *  # noqa

DEBUG = False
INITIATIVE_SUBMIT_RATE = None  # the benchmark submits from one address
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = {mail!r}
MEDIA_ROOT = {media!r}
LOGGING = {{"version": 1, "root": {{"level": "ERROR"}}}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(name):
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(database, scratch):
    (scratch / "kh_bench_settings.py").write_text(
        SETTINGS.format(mail=str(scratch / "mail"), media=str(scratch / "media"))
    )
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{database}",
        "DJANGO_SETTINGS_MODULE": "kh_bench_settings",
        "PYTHONPATH": f"{scratch}{os.pathsep}{ROOT}",
        "ALLOWED_HOSTS": "127.0.0.1",
    }


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited early; see its output above")
        try:
            if requests.get(url, timeout=30).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer within {timeout} s")


def field(html, name):
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    return match.group(1)


class Client:
    """One citizen's browser: its own cookies, GET then POST."""

    def __init__(self, base, run_id, number):
        self.base, self.run_id, self.number = base, run_id, number

    def submit(self, double=False):
        session = requests.Session()
        started = time.perf_counter()
        html = session.get(self.base + FORM, timeout=60).text
        municipality = re.search(
            r'<select name="municipality"[^>]*>.*?<option value="(\d+)"', html, re.S
        ).group(1)
        key = field(html, "submission_key")
        data = {
            "csrfmiddlewaretoken": field(html, "csrfmiddlewaretoken"),
            "submission_key": key,
            "title": f"Benchmark {self.run_id} #{self.number}",
            "summary": "Street lights on the road to the school.",
            "problem": "The road is dark in winter.",
            "solution": "Twelve solar street lights.",
            "request_to_municipality": "Include them in next year's budget.",
            "municipality": municipality,
            "author_name": "Bench Mark",
            "author_email": f"bench{self.number}@example.org",
            "public_name": "initials",
            "consent": "on",
        }
        statuses = []
        for _ in range(2 if double else 1):
            response = session.post(
                self.base + FORM, data=data, allow_redirects=False, timeout=60
            )
            statuses.append(response.status_code)
        return key, statuses, time.perf_counter() - started


def check(database, run_id, keys, mail_dir):
    with psycopg.connect(f"{PG}/{database}") as connection:
        rows = connection.execute(
            "SELECT submission_key::text FROM initiatives_initiative "
            "WHERE title LIKE %s",
            [f"Benchmark {run_id} #%"],
        ).fetchall()
    stored = [row[0] for row in rows]
    mails = list(mail_dir.glob("*.log")) if mail_dir.exists() else []
    confirmations = sum(
        path.read_text(errors="replace").count("/initiatives/confirm/")
        for path in mails
    )
    return {
        "sent (unique keys)": len(set(keys)),
        "stored": len(stored),
        "lost": len(set(keys) - set(stored)),
        "duplicated": len(stored) - len(set(stored)),
        "unknown": len(set(stored) - set(keys)),
        "confirmation e-mails": confirmations,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--database", default="kh_bench")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="kh_bench_"))
    env = environment(args.database, scratch)
    print(f"Scratch database {args.database}: creating and migrating…")
    recreate_database(args.database)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(base + FORM, gunicorn)
        run_id = uuid.uuid4().hex[:8]
        lock = threading.Lock()
        failures = []

        def one(number):
            key, statuses, seconds = Client(base, run_id, number).submit(
                double=number % 10 == 0
            )
            if any(status != 302 for status in statuses):
                with lock:
                    failures.append((number, statuses))
            return key, seconds

        print(
            f"Submitting {args.count} initiatives from {args.clients} clients "
            f"to gunicorn ({args.workers} workers) on {base}…"
        )
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            results = list(pool.map(one, range(args.count)))
        elapsed = time.perf_counter() - started
        keys = [key for key, _seconds in results]
        latencies = sorted(seconds for _key, seconds in results)
        time.sleep(1)  # let the last e-mail files be closed
        report = check(args.database, run_id, keys, scratch / "mail")
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
            gunicorn.wait()
        if not args.keep_db:
            drop_database(args.database)

    print(
        f"\n{args.count} submissions (+{args.count // 10} double posts) "
        f"in {elapsed:.1f} s: {args.count / elapsed:.1f} initiatives/s"
    )
    print(
        f"Per citizen (GET form + POST): median {statistics.median(latencies):.3f} s,"
        f" 95th percentile {latencies[int(len(latencies) * 0.95) - 1]:.3f} s"
    )
    for name, value in report.items():
        print(f"  {name}: {value}")
    ok = (
        not failures
        and report["lost"] == report["duplicated"] == report["unknown"] == 0
        and report["stored"] == args.count
        and report["confirmation e-mails"] == args.count
    )
    if failures:
        print(f"  non-302 answers: {failures[:5]}")
    print("OK: none lost, none duplicated" if ok else "PROBLEM: see above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
