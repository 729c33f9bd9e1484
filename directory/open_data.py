"""The directory's open-data files, and the full ones built off the request path.

A download (`/data/organizations.{csv,json,xlsx}`) is the API's serializer
over the organizations listed in a language, written out as one of
`FORMATS`. A filtered download is built in the request: the filter bounds it.
The full one, per language (the common open-data case), is every
organization: a background task (`directory.tasks.build_open_data_files`)
builds the three files of each language into the default storage (object
storage in production, so every application server sees them) and the view
streams the stored file, byte for byte what it would have built.

**Never stale.** The directory has a *version*, a random value in the shared
cache. Whatever the files show moves it when it is written: an organization
saved, published, unpublished or deleted (not a draft, a lock or a new
unpublished proposal), its municipalities or fields of work, a municipality
or topic, an image used as a logo, an import (`table_import`: bulk writes
send no signal), a migration.
It moves at once and again when the transaction commits (a build running
meanwhile read the old rows), and the commit queues one rebuild. A stored
file is served only while it was built for the current version and for the
address and interface language of the request; otherwise the request builds
the download itself (correct, slower) and queues a rebuild. A lost cache only
costs a rebuild. Only `OrganizationSerializer`'s public fields are written.
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
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.api import OrganizationSerializer
from directory.models import Organization
from hub import tabular
from hub.history import WAGTAIL_BOOKKEEPING_COLUMNS
from taxonomy.models import Municipality, Topic

FOLDER = "open-data"
VERSION_KEY = "open-data:organizations:version"
#: Set while a rebuild waits for a worker, so that changes queue no second one.
QUEUED_KEY = "open-data:organizations:queued"
#: After this, a rebuild lost on the way (a worker killed) is queued again.
QUEUED_TIMEOUT = 15 * 60


# --- The files ----------------------------------------------------------------


def serialized(organizations, request):
    """The public fields of `organizations`, as the API serves them."""
    return OrganizationSerializer(
        organizations, many=True, context={"request": request}
    ).data


def flat_row(item):
    """One spreadsheet row: lists joined, taxonomy in the item's language and
    in that language's alphabetical order."""
    name_key = "name_en" if item["language"] == "en" else "name_ka"
    row = []
    for value in item.values():
        if isinstance(value, list):
            value = "; ".join(sorted(entry[name_key] for entry in value))
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        row.append(value)
    return row


def _csv(items):
    return tabular.csv_response(
        "organizations.csv",
        OrganizationSerializer.Meta.fields,
        (flat_row(item) for item in items),
    )


def _json(items):
    return tabular.json_response("organizations.json", items)


def _xlsx(items):
    return tabular.xlsx_response(
        "organizations.xlsx",
        _("Organizations"),
        OrganizationSerializer.Meta.fields,
        (flat_row(item) for item in items),
    )


#: Format -> the download of serialized organizations (an HttpResponse).
FORMATS = {"csv": _csv, "json": _json, "xlsx": _xlsx}


# --- The version --------------------------------------------------------------


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def forget(**kwargs):
    """Every stored file is stale from now on (also a post_migrate receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


class _AtCommit:
    """Run when the writing transaction commits: stale again, rebuild queued."""

    def __init__(self):
        # Tests run it without a commit (captureOnCommitCallbacks), which
        # leaves it in the transaction's list: `done` tells it has run.
        self.done = False

    def __call__(self):
        self.done = True
        forget()
        queue_rebuild()


def directory_changed(raw=False, **kwargs):
    """What the files show changed: stale at once, and again at commit, when
    one rebuild is queued for the whole transaction (an import included).
    Data being loaded (`raw`: fixtures, a test database restored) is only
    forgotten: nothing may be read from a database half loaded."""
    forget()
    if raw:
        return
    pending = transaction.get_connection().run_on_commit
    if not any(isinstance(f, _AtCommit) and not f.done for _, f, *_ in pending):
        transaction.on_commit(_AtCommit())


def organization_saved(sender, instance, created, raw=False, **kwargs):
    # Nothing public: a new draft (a proposal), or a draft revision or a lock,
    # which write only Wagtail's bookkeeping.
    update_fields = kwargs.get("update_fields")
    if created and not instance.live:
        return
    if update_fields and set(update_fields) <= set(WAGTAIL_BOOKKEEPING_COLUMNS):
        return
    directory_changed(raw=raw)


def organization_deleted(sender, instance, **kwargs):
    if instance.live:
        directory_changed()


def relation_changed(sender, instance, action, **kwargs):
    # `instance` is a municipality or topic when changed from their side.
    if action in ("post_add", "post_remove", "post_clear") and getattr(
        instance, "live", True
    ):
        directory_changed()


def image_changed(sender, instance, raw=False, **kwargs):
    """post_save and pre_delete (deleting it empties the logos in SQL)."""
    if raw or Organization.objects.filter(logo_id=instance.pk).exists():
        directory_changed(raw=raw)


def connect_signals():
    """Module-level receivers: signals keep only weak references."""
    from django.db.models.signals import (
        m2m_changed,
        post_delete,
        post_save,
        pre_delete,
    )

    uid = "directory.open_data"
    post_save.connect(organization_saved, sender=Organization, dispatch_uid=uid)
    post_delete.connect(organization_deleted, sender=Organization, dispatch_uid=uid)
    for field in ("municipalities", "fields_of_work"):
        through = getattr(Organization, field).through
        m2m_changed.connect(relation_changed, sender=through, dispatch_uid=uid)
    for model in (Municipality, Topic):
        post_save.connect(directory_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(directory_changed, sender=model, dispatch_uid=uid)
    image = Organization._meta.get_field("logo").related_model
    post_save.connect(image_changed, sender=image, dispatch_uid=uid)
    pre_delete.connect(image_changed, sender=image, dispatch_uid=uid)


# --- Building and serving -----------------------------------------------------


class _SiteRequest(HttpRequest):
    """What the serializer asks of a request, off the request path: absolute
    URLs (organization pages, logos) on the site's address (BASE_URL)."""

    def __init__(self, address):
        super().__init__()
        self.site = urlsplit(address)

    @property
    def scheme(self):
        return self.site.scheme

    def get_host(self):
        return self.site.netloc


def _address(request):
    """What a download depends on besides the data: the absolute URLs' base
    and the interface language (the XLSX sheet's title)."""
    return [request.build_absolute_uri("/"), translation.get_language()]


def _site_address():
    with translation.override(settings.LANGUAGE_CODE):
        return _address(_SiteRequest(settings.WAGTAILADMIN_BASE_URL))


def _built_key(language_code):
    return f"open-data:organizations:{language_code}"


def queue_rebuild():
    """Queue one rebuild, unless one is already waiting for a worker."""
    from directory.tasks import build_open_data_files

    if cache.add(QUEUED_KEY, True, QUEUED_TIMEOUT):
        build_open_data_files.enqueue()


def build_all():
    """Build and store the full files of every language (the task's work)."""
    cache.delete(QUEUED_KEY)  # changes from now on queue the next rebuild
    with translation.override(settings.LANGUAGE_CODE):
        for locale in Locale.objects.all():
            _build(locale)


def _build(locale):
    version = current_version()  # before reading a single row
    request = _SiteRequest(settings.WAGTAILADMIN_BASE_URL)
    items = serialized(Organization.objects.listed(locale), request)
    files = {}
    for fmt, build in FORMATS.items():
        response = build(items)
        path = f"{FOLDER}/organizations-{locale.language_code}.{fmt}"
        name = default_storage.save(path, ContentFile(response.content))
        files[fmt] = [name, response["Content-Type"]]
    key = _built_key(locale.language_code)
    previous = cache.get(key) or {}
    if current_version() != version:
        _delete(files)  # changed meanwhile: the change queued the next rebuild
        return
    cache.set(
        key,
        {
            "version": version,
            "address": _address(request),
            "files": files,
            # Kept one build longer: a download may have just opened them.
            "previous": previous.get("files", {}),
        },
        None,
    )
    _delete(previous.get("previous", {}))


def _delete(files):
    for name, _content_type in files.values():
        default_storage.delete(name)


def stored_response(request, locale, fmt):
    """The stored full download, if current; else None, and a rebuild is
    queued (when it would serve this request)."""
    response = _stored(request, locale, fmt)
    if response is None and _address(request) == _site_address():
        transaction.on_commit(queue_rebuild)
        # Development runs tasks at once: the files may be there now.
        response = _stored(request, locale, fmt)
    return response


def _stored(request, locale, fmt):
    found = cache.get_many([VERSION_KEY, _built_key(locale.language_code)])
    built, version = found.get(_built_key(locale.language_code)), found.get(VERSION_KEY)
    if (
        not built
        or not version
        or built["version"] != version
        or built["address"] != _address(request)
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
        filename=f"organizations.{fmt}",
    )
