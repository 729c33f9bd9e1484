"""The directory's open-data files, and the full ones built off the request path.

A download (`/data/organizations.{csv,json,xlsx}`) is the API's serializer
over the organizations listed in a language, written out as one of
`FORMATS`. A filtered download is built in the request: the filter bounds it.
The full one, per language (the common open-data case), is every
organization: a background task (`directory.tasks.build_open_data_files`)
builds the three files of each language into the default storage and the view
streams the stored file, never stale (`hub.stored_downloads`).

Whatever the files show moves their version when it is written: an
organization saved, published, unpublished or deleted (not a draft, a lock or
a new unpublished proposal), its municipalities or fields of work, a
municipality or topic, an image used as a logo, an import (`table_import`:
bulk writes send no signal), a migration. Only `OrganizationSerializer`'s
public fields are written.
"""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.api import OrganizationSerializer
from directory.models import Organization
from hub import tabular
from hub.history import WAGTAIL_BOOKKEEPING_COLUMNS
from hub.stored_downloads import StoredDownloads
from taxonomy.models import Municipality, Topic

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


# --- Built off the request path --------------------------------------------------


def _full(language_code, request):
    locale = Locale.objects.get(language_code=language_code)
    return serialized(Organization.objects.listed(locale), request)


DOWNLOADS = StoredDownloads(
    "organizations",
    task="directory.tasks.build_open_data_files",
    languages=lambda: Locale.objects.values_list("language_code", flat=True),
    items=_full,
    formats=FORMATS,
)
forget = DOWNLOADS.forget  # post_migrate
directory_changed = DOWNLOADS.changed  # receivers and `table_import`


def stored_response(request, locale, fmt):
    """The stored full download of `locale`, if current; else None."""
    return DOWNLOADS.stored_response(request, locale.language_code, fmt)


# --- What moves the version -----------------------------------------------------


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
        m2m_changed.connect(
            DOWNLOADS.relation_changed, sender=through, dispatch_uid=uid
        )
    for model in (Municipality, Topic):
        post_save.connect(directory_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(directory_changed, sender=model, dispatch_uid=uid)
    image = Organization._meta.get_field("logo").related_model
    post_save.connect(image_changed, sender=image, dispatch_uid=uid)
    pre_delete.connect(image_changed, sender=image, dispatch_uid=uid)
