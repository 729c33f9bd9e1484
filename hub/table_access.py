"""Which database tables a piece of work reads, and every table that is written.

The page cache (hub/page_cache.py) needs two facts that no list kept by hand
stays true to: which content a rendered page was built from, and when that
content changes. Both are in the SQL itself. One execute wrapper, installed on
every database connection, reads the table names out of each statement:

- writes (INSERT, UPDATE, DELETE, from the ORM, `queryset.update()`,
  `bulk_create`, treebeard's page-tree moves or raw SQL alike) are passed to
  the listeners registered with `on_write`;
- reads are collected while a `Reading()` block is open in the same thread.

Django quotes table names with double quotes on SQLite and PostgreSQL; the
patterns also accept unquoted names for hand-written SQL.
"""

import re
import threading

from django.db import connections
from django.db.backends.signals import connection_created

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?',
    re.IGNORECASE,
)
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)

_local = threading.local()
_write_listeners = []


def on_write(listener):
    """Call `listener(table, connection)` after each statement writing `table`."""
    if listener not in _write_listeners:
        _write_listeners.append(listener)


class Reading:
    """Collects the tables read (and written) by the queries run inside it.

    >>> with Reading() as reading:
    ...     render()
    >>> reading.read, reading.written
    """

    def __init__(self):
        self.read = set()
        self.written = set()

    def __enter__(self):
        stack = getattr(_local, "readings", None)
        if stack is None:
            stack = _local.readings = []
        stack.append(self)
        return self

    def __exit__(self, *exc_info):
        _local.readings.remove(self)


def note_read(tables):
    """Count `tables` as read by the open readings (content served from a
    cache was built from them)."""
    for reading in getattr(_local, "readings", None) or ():
        reading.read.update(tables)


def _observe(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    readings = getattr(_local, "readings", None)
    written = _WRITE.match(sql)
    if written:
        table = written.group(1)
        for reading in readings or ():
            reading.written.add(table)
        for listener in _write_listeners:
            listener(table, context["connection"])
    elif readings:
        tables = _READ.findall(sql)
        for reading in readings:
            reading.read.update(tables)
    return result


def _install(connection, **kwargs):
    # First in the list: `connection.execute_wrapper()` blocks pop the last
    # one, and a connection may open inside such a block.
    if _observe not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _observe)


def install():
    """Observe every connection, those open now and those opened later."""
    connection_created.connect(_install, dispatch_uid="hub.table_access")
    for connection in connections.all(initialized_only=True):
        _install(connection)
