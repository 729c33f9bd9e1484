"""Production refuses to start without what it needs; timeouts are bounded."""

import pytest

from tests.security.settings_loader import PRODUCTION_ENV, load_settings, refusal

PRODUCTION = "config.settings.production"


@pytest.mark.parametrize("missing", ["REDIS_URL", "BASE_URL", "SECRET_KEY"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    error = refusal(PRODUCTION, env)

    assert "ImproperlyConfigured" in error
    assert missing in error


def test_production_uses_the_shared_redis_cache_and_the_given_base_url():
    settings = load_settings(
        PRODUCTION,
        PRODUCTION_ENV,
        ["CACHES", "SESSION_ENGINE", "WAGTAILADMIN_BASE_URL"],
    )

    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "hub.cache.PrefixedRedisCache"
    assert cache["LOCATION"] == PRODUCTION_ENV["REDIS_URL"]
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert settings["WAGTAILADMIN_BASE_URL"] == "https://hub.example.org"


def test_postgresql_connections_carry_connect_and_statement_timeouts():
    defaults = load_settings(PRODUCTION, PRODUCTION_ENV, ["DATABASES"])
    chosen = load_settings(
        PRODUCTION,
        {**PRODUCTION_ENV, "DB_CONNECT_TIMEOUT": "2", "DB_STATEMENT_TIMEOUT": "10"},
        ["DATABASES"],
    )

    options = defaults["DATABASES"]["default"]["OPTIONS"]
    assert options["connect_timeout"] == 5
    assert options["options"] == "-c statement_timeout=30000"
    options = chosen["DATABASES"]["default"]["OPTIONS"]
    assert options["connect_timeout"] == 2
    assert options["options"] == "-c statement_timeout=10000"


def test_sqlite_waits_for_a_lock_a_bounded_time():
    settings = load_settings(
        "config.settings.dev",
        {"DATABASE_URL": "sqlite:////tmp/kh-settings-check.sqlite3"},
        ["DATABASES"],
    )

    assert settings["DATABASES"]["default"]["OPTIONS"]["timeout"] == 30


def test_the_statement_timeout_reaches_the_postgresql_session(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgres://…")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"


def test_sqlite_reads_go_on_while_another_connection_writes(
    tmp_path, django_db_blocker
):
    """Connections share the SQLite file (the development server's threads,
    the task worker): with its write-ahead log, one reads while another's
    write is open."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    database = {
        **load_settings(
            "config.settings.dev",
            {"DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}"},
            ["DATABASES"],
        )["DATABASES"]["default"],
        "TIME_ZONE": None,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
    }
    worker, site = (
        DatabaseWrapper(database, "worker"),
        DatabaseWrapper(database, "site"),
    )
    try:
        django_db_blocker.unblock()  # two connections of their own to a file
        with worker.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("CREATE TABLE queue (id integer)")
            cursor.execute("BEGIN IMMEDIATE")  # the worker's write, not committed
            cursor.execute("INSERT INTO queue VALUES (1)")
            with site.cursor() as reading:
                reading.execute("SELECT count(*) FROM queue")
                assert reading.fetchone()[0] == 0
            cursor.execute("COMMIT")
        with site.cursor() as reading:
            reading.execute("SELECT count(*) FROM queue")
            assert reading.fetchone()[0] == 1
    finally:
        worker.close()
        site.close()
        django_db_blocker.restore()
