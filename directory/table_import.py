"""Import the directory table (`directory.tabular`) into the database.

One pass over the file, streaming it row by row, so memory does not grow
with the file (only the keys of the rows seen, to report duplicates):

- each row is validated (`directory.tabular.read_table`) and matched against
  the Georgian organizations that were in the database before the import
  (`ExistingOrganizations`, their keys read in one query): by
  identification code, else by name and municipality (without a code);
- good rows are written in batches (`BATCH_SIZE`) inside one transaction:
  organizations and their English translations created or updated and
  published in bulk (`directory.bulk_publication`), one revision each, as
  the admin would. Unchanged organizations are not touched, so importing
  the same file twice changes nothing the second time.

All or nothing: after the first bad row nothing more is written (the rest
is only checked, so that every bad row is reported), and the transaction is
rolled back at the end: a file with any bad row imports nothing, unless
`skip_invalid`, which imports the good rows and skips the bad ones. The
search index is updated after the transaction commits, by background tasks,
and the open-data files are rebuilt once (`directory.open_data`).
"""

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from directory import open_data
from directory.bulk_publication import publish_in_bulk
from directory.models import Organization
from directory.tabular import (
    BILINGUAL_FIELDS,
    SHARED_FIELDS,
    RowProblem,
    read_table,
)
from hub.tasks import index_after_commit

#: Rows written per round trip: big enough to amortise the queries, small
#: enough to keep memory flat.
BATCH_SIZE = 500
#: A row that creates an organization (no existing one to update).
NEW = 0


class ImportResult:
    def __init__(self):
        self.created = 0
        self.updated = 0
        self.unchanged = 0
        self.notes = []

    def __str__(self):
        return ", ".join(
            [
                ngettext(
                    "%(count)s organization created",
                    "%(count)s organizations created",
                    self.created,
                )
                % {"count": self.created},
                ngettext("%(count)s updated", "%(count)s updated", self.updated)
                % {"count": self.updated},
                ngettext("%(count)s unchanged", "%(count)s unchanged", self.unchanged)
                % {"count": self.unchanged},
            ]
        )


class ExistingOrganizations:
    """The keys of the Georgian organizations in the database, read once.

    Answers what `find_existing` and the conflict checks used to ask the
    database for each row: which organization a row describes, and whether
    its slug or code belongs to another one.
    """

    def __init__(self, georgian):
        organizations = (
            Organization.objects.filter(locale=georgian)
            .order_by("name", "pk")
            .values_list("pk", "slug", "identification_code", "name")
        )
        places = defaultdict(list)
        through = Organization.municipalities.through
        for organization_id, municipality_id in through.objects.filter(
            organization__locale=georgian
        ).values_list("organization_id", "municipality_id"):
            places[organization_id].append(municipality_id)
        self.slugs = defaultdict(set)
        self.codes = defaultdict(list)
        self.rank = {}
        self.by_name_and_place = defaultdict(list)
        for rank, (pk, slug, code, name) in enumerate(organizations):
            self.rank[pk] = rank
            self.slugs[slug].add(pk)
            if code:
                self.codes[code].append(pk)
            else:
                for municipality_id in places[pk]:
                    self.by_name_and_place[(name.casefold(), municipality_id)].append(
                        pk
                    )

    def find(self, data):
        """The organization a row describes: by code, else name + place."""
        code = data["identification_code"]
        if code and self.codes.get(code):
            return self.codes[code][0]
        name = data["name_ka"].casefold()
        candidates = [
            pk
            for municipality in data["municipalities"]
            for pk in self.by_name_and_place.get((name, municipality.pk), ())
        ]
        return min(candidates, key=self.rank.__getitem__) if candidates else None

    def conflicts(self, data, pk):
        """Database rules a row can break even though it is well-formed itself."""
        messages = []
        if self.slugs.get(data["slug"], set()) - {pk}:
            messages.append(
                _("slug: another organization already uses “%(slug)s”.")
                % {"slug": data["slug"]}
            )
        code = data["identification_code"]
        if code and set(self.codes.get(code, ())) - {pk}:
            messages.append(
                _("identification_code: another organization already has %(code)s.")
                % {"code": code}
            )
        return messages


class _RolledBack(Exception):
    """Raised inside the import's transaction to undo it (a bad row)."""


def import_table(path, skip_invalid=False):
    """Validate every row of the file and import the good ones, all or nothing.

    Returns (result, problems): problems are the bad rows (malformed,
    duplicated in the file, or clashing with the database) in file order.
    With a problem and not `skip_invalid`, nothing is imported and the result
    is None. Raises TableError (and imports nothing) when the file as a
    whole is unusable.
    """
    georgian, english = _locale("ka"), _locale("en")
    existing = ExistingOrganizations(georgian)
    result, problems, published = ImportResult(), [], []

    def failed():
        return problems and not skip_invalid

    try:
        with transaction.atomic():
            batch = []
            for row, pk in _matched_rows(path, existing, problems):
                if failed():
                    batch = []  # nothing will be kept: only check the rest
                    continue
                batch.append((row, pk))
                if len(batch) == BATCH_SIZE:
                    published += _import_batch(batch, georgian, english, result)
                    batch = []
            if failed():
                raise _RolledBack
            published += _import_batch(batch, georgian, english, result)
            index_after_commit(Organization, published)
            if published:  # bulk writes send no signal: one rebuild per import
                open_data.directory_changed()
    except _RolledBack:
        return None, problems
    return result, problems


def _matched_rows(path, existing, problems):
    """(good row, pk of the organization it updates or NEW), file order;
    the bad rows are appended to `problems`."""
    matched = {}
    for row in read_table(path):
        if isinstance(row, RowProblem):
            problems.append(row)
            continue
        pk = existing.find(row.data)
        conflicts = existing.conflicts(row.data, pk)
        if pk is not None and pk in matched:
            conflicts.append(
                _("Duplicate of line %(line)s (same organization).")
                % {"line": matched[pk]}
            )
        if conflicts:
            problems.append(RowProblem(row.line, conflicts))
            continue
        if pk is not None:
            matched[pk] = row.line
        yield row, NEW if pk is None else pk


def _locale(code):
    return Locale.objects.get(language_code=code)


def _import_batch(rows, georgian, english, result):
    """Import a batch of (row, pk) pairs; returns the pks of what it published.

    Unchanged organizations are not saved at all, so re-importing a file adds
    no revisions and no history.
    """
    if not rows:
        return []
    existing = Organization.objects.filter(
        pk__in=[pk for _row, pk in rows if pk != NEW]
    ).prefetch_related("municipalities", "fields_of_work")
    existing = {organization.pk: organization for organization in existing}
    translations = Organization.objects.filter(
        locale=english,
        translation_key__in=[o.translation_key for o in existing.values()],
    ).prefetch_related("municipalities", "fields_of_work")
    translations = {t.translation_key: t for t in translations}

    to_publish = []
    for row, pk in rows:
        data = row.data
        organization = existing.get(pk)
        values = _desired_values(data, "ka")
        outcome = "unchanged"
        if organization is None:
            organization = Organization(locale=georgian)
            outcome = "created"
        elif _differs(organization, values, data):
            outcome = "updated"
        if outcome != "unchanged":
            _note_replaced_draft(organization, result, row.line)
            _assign(organization, values, data)
            to_publish.append(organization)

        if data["name_en"]:
            translation = translations.get(organization.translation_key)
            values_en = _desired_values(data, "en")
            if translation is None:
                translation = _translation_of(organization, english)
            if translation.pk is None or _differs(translation, values_en, data):
                _note_replaced_draft(translation, result, row.line)
                _assign(translation, values_en, data)
                to_publish.append(translation)
                if outcome == "unchanged":
                    outcome = "updated"
        setattr(result, outcome, getattr(result, outcome) + 1)
    publish_in_bulk(to_publish)
    return [organization.pk for organization in to_publish]


def _translation_of(organization, locale):
    """A new, unsaved copy in `locale`, as Wagtail's copy_for_translation makes
    it, without its query per organization: the translatable and synchronized
    fields copied, the same translation key."""
    copy = Organization(locale=locale, translation_key=organization.translation_key)
    for field in Organization.translatable_fields:
        if field.field_name not in ("municipalities", "fields_of_work"):
            attname = Organization._meta.get_field(field.field_name).attname
            setattr(copy, attname, getattr(organization, attname))
    return copy


def _desired_values(data, language):
    values = {field: data[f"{field}_{language}"] for field in BILINGUAL_FIELDS}
    for field in SHARED_FIELDS:
        if field not in ("municipalities", "fields_of_work"):
            values[field] = data[field]
    return values


def _differs(organization, values, data):
    """Whether the live record differs from the row (drafts are not compared)."""
    if not organization.live:
        return True
    if any(getattr(organization, f) != v for f, v in values.items()):
        return True
    return set(organization.municipalities.all()) != set(data["municipalities"]) or set(
        organization.fields_of_work.all()
    ) != set(data["fields_of_work"])


def _note_replaced_draft(organization, result, line):
    if organization.pk and organization.has_unpublished_changes:
        result.notes.append(
            _(
                "Line %(line)s: the unpublished draft of “%(name)s” was replaced "
                "by the imported values."
            )
            % {"line": line, "name": organization.name}
        )


def _assign(organization, values, data):
    """Set the row's values in memory (many-to-many included, as a cluster)."""
    for field, value in values.items():
        setattr(organization, field, value)
    organization.municipalities.set(data["municipalities"])
    organization.fields_of_work.set(data["fields_of_work"])
