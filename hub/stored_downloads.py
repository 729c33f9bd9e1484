"""Full open-data downloads built off the request path, never served stale.

An app's full download (every public row, per language) is built by a
background task into the default storage (object storage in production, so
every application server sees it), and the view streams the stored file: byte
for byte what it would have built in the request. The app gives a
`StoredDownloads` its name, its builders and its task, and wires the signals
of whatever its files show to `changed` (see directory/open_data.py and
initiatives/exports.py).

**Never stale.** Each download has a *version*, a random value in the shared
cache. `changed` moves it at once and again when the transaction commits (a
build running meanwhile read the old rows), and the commit queues one rebuild
for the whole transaction. A stored file is served only while it was built for
the current version and for the address and interface language of the
request; otherwise the request builds the
download itself (correct, slower) and queues a rebuild. A lost cache only
costs a rebuild. Old files are deleted one build later (a download may have
just opened them).
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, HttpRequest
from django.utils import translation
from django.utils.module_loading import import_string

FOLDER = "open-data"
#: After this, a rebuild lost on the way (a worker killed) is queued again.
QUEUED_TIMEOUT = 15 * 60


class SiteRequest(HttpRequest):
    """What the builders ask of a request, off the request path: absolute
    URLs on the site's address (BASE_URL)."""

    def __init__(self, address):
        super().__init__()
        self.site = urlsplit(address)

    @property
    def scheme(self):
        return self.site.scheme

    def get_host(self):
        return self.site.netloc


class AtCommit:
    """Run when the writing transaction commits: stale again, rebuild queued."""

    def __init__(self, downloads):
        self.downloads = downloads
        # Tests run it without a commit (captureOnCommitCallbacks), which
        # leaves it in the transaction's list: `done` tells it has run.
        self.done = False

    def __call__(self):
        self.done = True
        self.downloads.forget()
        self.downloads.queue_rebuild()


class StoredDownloads:
    """The stored full downloads of one app.

    `name`: cache keys, storage folder and file names ("organizations").
    `task`: dotted path of the app's task that calls `build_all`.
    `languages()`: the language codes to build.
    `items(language_code, request)`: the public data of a full download.
    `formats`: {format: function(items) -> HttpResponse}, as the view builds.
    """

    def __init__(self, name, *, task, languages, items, formats):
        self.name = name
        self.task = task
        self.languages = languages
        self.items = items
        self.formats = formats
        self.folder = f"{FOLDER}/{name}"
        self.version_key = f"open-data:{name}:version"
        #: Set while a rebuild waits for a worker: changes queue no second one.
        self.queued_key = f"open-data:{name}:queued"

    def built_key(self, language_code):
        return f"open-data:{self.name}:{language_code}"

    # --- The version ----------------------------------------------------------

    def current_version(self):
        version = cache.get(self.version_key)
        if version is None:
            cache.add(self.version_key, uuid.uuid4().hex, None)
            version = cache.get(self.version_key)
        return version

    def forget(self, **kwargs):
        """Every stored file is stale from now on (also a post_migrate receiver)."""
        cache.set(self.version_key, uuid.uuid4().hex, None)

    def changed(self, raw=False, **kwargs):
        """What the files show changed (also a signal receiver): stale at once,
        and again at commit, when one rebuild is queued for the whole
        transaction. Data being loaded (`raw`: fixtures, a test database
        restored) is only forgotten: nothing may be read from a database half
        loaded."""
        self.forget()
        if raw:
            return
        pending = transaction.get_connection().run_on_commit
        if not any(
            isinstance(f, AtCommit) and f.downloads is self and not f.done
            for _, f, *_ in pending
        ):
            transaction.on_commit(AtCommit(self))

    def relation_changed(self, sender, instance, action, **kwargs):
        """m2m_changed receiver. `instance` is the other side (a municipality,
        a topic) when changed from there; a row not live is in no file."""
        if action in ("post_add", "post_remove", "post_clear") and getattr(
            instance, "live", True
        ):
            self.changed()

    def queue_rebuild(self):
        """Queue one rebuild, unless one is already waiting for a worker."""
        if cache.add(self.queued_key, True, QUEUED_TIMEOUT):
            import_string(self.task).enqueue()

    # --- Building -------------------------------------------------------------

    def _address(self, request):
        """What a download depends on besides the data: the absolute URLs'
        base and the interface language (an XLSX sheet's title)."""
        return [request.build_absolute_uri("/"), translation.get_language()]

    def _site_address(self):
        with translation.override(settings.LANGUAGE_CODE):
            return self._address(SiteRequest(settings.WAGTAILADMIN_BASE_URL))

    def build_all(self):
        """Build and store the full files of every language (the task's work)."""
        cache.delete(self.queued_key)  # changes from now on queue the next rebuild
        with translation.override(settings.LANGUAGE_CODE):
            for language_code in self.languages():
                self._build(language_code)

    def _build(self, language_code):
        version = self.current_version()  # before reading a single row
        request = SiteRequest(settings.WAGTAILADMIN_BASE_URL)
        items = self.items(language_code, request)
        files = {}
        for fmt, build in self.formats.items():
            response = build(items)
            path = f"{self.folder}/{self.name}-{language_code}.{fmt}"
            name = default_storage.save(path, ContentFile(response.content))
            files[fmt] = [name, response["Content-Type"]]
        key = self.built_key(language_code)
        previous = cache.get(key) or {}
        if self.current_version() != version:
            _delete(files)  # changed meanwhile: the change queued the next rebuild
            return
        cache.set(
            key,
            {
                "version": version,
                "address": self._address(request),
                "files": files,
                # Kept one build longer: a download may have just opened them.
                "previous": previous.get("files", {}),
            },
            None,
        )
        _delete(previous.get("previous", {}))

    # --- Serving --------------------------------------------------------------

    def stored_response(self, request, language_code, fmt):
        """The stored full download, if current; else None, and a rebuild is
        queued (when it would serve this request)."""
        response = self._stored(request, language_code, fmt)
        if response is None and self._address(request) == self._site_address():
            transaction.on_commit(self.queue_rebuild)
            # Development runs tasks at once: the files may be there now.
            response = self._stored(request, language_code, fmt)
        return response

    def _stored(self, request, language_code, fmt):
        key = self.built_key(language_code)
        found = cache.get_many([self.version_key, key])
        built, version = found.get(key), found.get(self.version_key)
        if (
            not built
            or not version
            or built["version"] != version
            or built["address"] != self._address(request)
        ):
            return None
        name, content_type = built["files"][fmt]
        try:
            file = default_storage.open(name)
        except OSError:  # removed by a newer build since
            return None
        return FileResponse(
            file,
            content_type=content_type,
            as_attachment=True,
            filename=f"{self.name}.{fmt}",
        )


def _delete(files):
    for name, _content_type in files.values():
        default_storage.delete(name)
