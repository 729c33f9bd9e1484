"""Backup and restore of the whole site: the database and the media folders.

A backup is a folder with three files:

- `database.dump`: PostgreSQL's custom format (`pg_dump -Fc`), restored with
  `pg_restore`; or `database.sqlite3`, a copy made with SQLite's online
  backup API (consistent while the site runs). Not `dumpdata`/`loaddata`:
  those fail on this site's data (Wagtail's tree, revisions, generic keys)
  and lose the search index tables, which a database dump keeps.
- `media.tar`: the public media (`MEDIA_ROOT`: images, documents), the
  private files (`PRIVATE_MEDIA_ROOT`: initiatives' attachments) and the
  consultations' documents (`CONSULTATIONS_DOCUMENTS_ROOT`), each under its
  own name, so a restore puts each where the restoring server keeps it.
- `manifest.json`: when, from which database engine, which folders.

Elasticsearch, when used, is not backed up: `manage.py update_search_index` rebuilds
it from the restored database. Media on object storage (S3) is backed up by
the bucket's own versioning, not here.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA = "media.tar"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done (the message says why)."""


def media_roots():
    """{name in the archive: folder} of every media folder to keep."""
    return {
        "public": Path(settings.MEDIA_ROOT),
        "private": Path(settings.PRIVATE_MEDIA_ROOT),
        "consultations": Path(settings.CONSULTATIONS_DOCUMENTS_ROOT),
    }


def backup(directory):
    """Write a backup of the database and the media into `directory`."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    vendor = _vendor()
    dump = directory / DUMPS[vendor]
    if vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", "-f", dump])
    else:
        connection.ensure_connection()
        target = sqlite3.connect(dump)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    folders = _archive_media(directory / MEDIA)
    manifest = {
        "created": timezone.now().isoformat(),
        "database": vendor,
        "media": folders,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def restore(directory):
    """Replace the database and add the media of the backup in `directory`.

    The database is replaced as a whole (PostgreSQL: every object of the
    dump dropped and recreated in one transaction); media files are written
    over the configured folders. Caches are cleared afterwards, so nothing
    from before the restore is served.
    """
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{directory} holds no readable backup: {error}") from error
    vendor = _vendor()
    if manifest["database"] != vendor:
        raise BackupError(
            f"The backup is of a {manifest['database']} database; this site "
            f"uses {vendor}."
        )
    dump = directory / DUMPS[vendor]
    if vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                "--exit-on-error",
                "-d",
                connection.settings_dict["NAME"],
                dump,
            ],
            database_argument=False,
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    _extract_media(directory / MEDIA)
    for cache in caches.all():
        cache.clear()
    return manifest


def _vendor():
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups of {connection.vendor} are not supported.")
    return connection.vendor


def _run(command, database_argument=True):
    """Run a PostgreSQL client program against the site's database."""
    options = connection.settings_dict
    arguments = [str(part) for part in command]
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if options.get(key):
            arguments[1:1] = [flag, str(options[key])]
    if database_argument:
        arguments.append(options["NAME"])
    environment = {**os.environ}
    if options.get("PASSWORD"):
        environment["PGPASSWORD"] = options["PASSWORD"]
    if not shutil.which(arguments[0]):
        raise BackupError(f"{arguments[0]} is not installed (postgresql-client).")
    result = subprocess.run(
        arguments, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise BackupError(f"{arguments[0]} failed: {result.stderr.strip()}")


def _archive_media(path):
    """Tar every media folder under its name; a folder nested in another
    (the consultations' documents inside the private folder by default) is
    archived once, under its own name."""
    roots = {name: root.resolve() for name, root in media_roots().items()}
    archived = []
    with tarfile.open(path, "w") as archive:
        for name, root in roots.items():
            if not root.is_dir():
                continue
            others = {other for other in roots.values() if other != root}
            archive.add(root, arcname=name, recursive=False)
            for folder, subfolders, files in os.walk(root):
                subfolders[:] = [
                    sub for sub in subfolders if Path(folder, sub) not in others
                ]
                for entry in sorted(subfolders) + sorted(files):
                    full = Path(folder, entry)
                    archive.add(
                        full,
                        arcname=f"{name}/{full.relative_to(root)}",
                        recursive=False,
                    )
            archived.append(name)
    return archived


def _extract_media(path):
    roots = media_roots()
    with tarfile.open(path) as archive:
        for member in archive.getmembers():
            name, _slash, rest = member.name.partition("/")
            if name not in roots or not rest:
                continue
            roots[name].mkdir(parents=True, exist_ok=True)
            member.name = rest
            archive.extract(member, roots[name], filter="data")
