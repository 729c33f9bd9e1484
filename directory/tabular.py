"""The directory as a CSV table: one row per organization, both languages.

The same columns serve `export_directory` and `import_directory`, so an
export re-imports without loss. Only public fields are columns (see
`directory.public_fields`); the logo is not part of the table.
"""

import csv
import io

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from directory.models import (
    EARLIEST_FOUNDING_YEAR,
    Organization,
    identification_code_validator,
)
from directory.public_fields import PUBLIC_FIELDS
from hub.tabular import safe_cell, unsafe_cell
from taxonomy.models import Municipality, Topic

SEPARATOR = ";"  # between the slugs of municipalities and fields of work

#: Translated per language: "<field>_ka" and "<field>_en" columns.
BILINGUAL_FIELDS = ["name", "address", "target_groups", "description"]
#: The same in both languages.
SHARED_FIELDS = [
    "slug",
    "identification_code",
    "legal_form",
    "founding_year",
    "municipalities",
    "fields_of_work",
    "email",
    "phone",
    "website",
    "facebook_url",
    "is_member",
    "status",
    "data_confirmed_on",
    "is_sample",
]
COLUMNS = [
    "identification_code",
    "name_ka",
    "name_en",
    "slug",
    "legal_form",
    "founding_year",
    "municipalities",
    "fields_of_work",
    "address_ka",
    "address_en",
    "target_groups_ka",
    "target_groups_en",
    "description_ka",
    "description_en",
    "email",
    "phone",
    "website",
    "facebook_url",
    "is_member",
    "status",
    "data_confirmed_on",
    "is_sample",
]
# Every column is a public field: the table can never carry a private one.
assert {c.removesuffix("_ka").removesuffix("_en") for c in COLUMNS} <= set(
    PUBLIC_FIELDS
)

TRUE, FALSE = "true", "false"


class TableError(Exception):
    """The file as a whole cannot be read (encoding, header, CSV syntax)."""


# Export ------------------------------------------------------------------


def _locale(code):
    return Locale.objects.get(language_code=code)


def export_rows():
    """The live Georgian organizations with their live English translations."""
    organizations = list(Organization.objects.public(_locale("ka")))
    english = {
        o.translation_key: o
        for o in Organization.objects.public(_locale("en")).filter(
            translation_key__in=[o.translation_key for o in organizations]
        )
    }
    for organization in organizations:
        yield as_row(organization, english.get(organization.translation_key))


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def as_row(organization, translation=None):
    row = {}
    for field in BILINGUAL_FIELDS:
        row[f"{field}_ka"] = getattr(organization, field)
        row[f"{field}_en"] = getattr(translation, field) if translation else ""
    for field in SHARED_FIELDS:
        if field in ("municipalities", "fields_of_work"):
            value = SEPARATOR.join(
                sorted(item.slug for item in getattr(organization, field).all())
            )
        else:
            value = getattr(organization, field)
        row[field] = _text(value)
    return {column: row[column] for column in COLUMNS}


def write_csv(stream, rows):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    # The formula guard of every table the hub writes; read_table undoes it.
    writer.writerows(
        {key: safe_cell(value) for key, value in row.items()} for row in rows
    )


# Validation --------------------------------------------------------------


class SlugListField(forms.CharField):
    """A ";"-separated list of slugs of a taxonomy model, checked against it."""

    def __init__(self, model, unknown_message, **kwargs):
        self.model = model
        self.unknown_message = unknown_message
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        slugs = [s.strip() for s in value.split(SEPARATOR) if s.strip()]
        found = {item.slug: item for item in self.model.objects.filter(slug__in=slugs)}
        unknown = [s for s in slugs if s not in found]
        if unknown:
            known = ", ".join(self.model.objects.values_list("slug", flat=True))
            raise forms.ValidationError(
                self.unknown_message % {"unknown": ", ".join(unknown), "known": known}
            )
        return [found[s] for s in dict.fromkeys(slugs)]


class YesNoField(forms.Field):
    """A boolean written as true/false (also yes/no, 1/0); empty means false."""

    VALUES = {
        "true": True,
        "yes": True,
        "1": True,
        "false": False,
        "no": False,
        "0": False,
        "": False,
    }

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        key = (value or "").strip().lower()
        if key not in self.VALUES:
            raise forms.ValidationError(
                _("Write “true” or “false”, not “%(value)s”.") % {"value": value}
            )
        return self.VALUES[key]


class OrganizationRowForm(forms.Form):
    """One CSV row, validated like the admin form validates an organization."""

    identification_code = forms.CharField(
        required=False, validators=[identification_code_validator]
    )
    name_ka = forms.CharField(max_length=255)
    name_en = forms.CharField(max_length=255, required=False)
    slug = forms.SlugField(max_length=255, allow_unicode=True, required=False)
    legal_form = forms.ChoiceField(choices=Organization.LegalForm.choices)
    founding_year = forms.IntegerField(required=False)
    address_ka = forms.CharField(max_length=255, required=False)
    address_en = forms.CharField(max_length=255, required=False)
    target_groups_ka = forms.CharField(max_length=255, required=False)
    target_groups_en = forms.CharField(max_length=255, required=False)
    description_ka = forms.CharField(required=False)
    description_en = forms.CharField(required=False)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    facebook_url = forms.URLField(required=False, assume_scheme="https")
    is_member = YesNoField()
    status = forms.ChoiceField(choices=Organization.Status.choices)
    data_confirmed_on = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    is_sample = YesNoField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["founding_year"].validators += [
            MinValueValidator(EARLIEST_FOUNDING_YEAR),
            MaxValueValidator(this_year),
        ]
        self.fields["municipalities"] = SlugListField(
            Municipality,
            _("Unknown municipality: %(unknown)s. Known ones: %(known)s."),
        )
        self.fields["fields_of_work"] = SlugListField(
            Topic,
            _("Unknown field of work: %(unknown)s. Known ones: %(known)s."),
            required=False,
        )

    def clean(self):
        data = super().clean()
        if not data.get("slug") and data.get("name_ka"):
            data["slug"] = slugify(
                data.get("name_en") or data["name_ka"], allow_unicode=True
            )[:255]
        return data


class RowProblem:
    """A bad row: its line number in the file and what is wrong with it."""

    def __init__(self, line, messages):
        self.line = line
        self.messages = messages

    def __str__(self):
        return _("Line %(line)s: %(messages)s") % {
            "line": self.line,
            "messages": " ".join(self.messages),
        }


class ValidRow:
    def __init__(self, line, data):
        self.line = line
        self.data = data


def _form_messages(form):
    messages = []
    for field, errors in form.errors.items():
        for error in errors:
            if field == "__all__":
                messages.append(error)
            else:
                messages.append(f"{field}: {error}")
    return messages


def read_table(raw):
    """Parse and validate CSV bytes; returns (valid rows, problems).

    Raises TableError when the file as a whole is unusable.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(
            _(
                "The file is not UTF-8 text (byte %(position)s). Save it as "
                "“CSV UTF-8” and try again."
            )
            % {"position": error.start}
        ) from error
    if "\x00" in text:
        raise TableError(_("The file is not a CSV text file."))
    if not text.strip():
        raise TableError(_("The file is empty."))

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader)]
    except csv.Error as error:
        raise TableError(
            _("Line 1 is not valid CSV: %(error)s") % {"error": error}
        ) from error
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if missing or unknown or duplicated:
        parts = []
        if missing:
            parts.append(_("missing columns: %s") % ", ".join(missing))
        if unknown:
            parts.append(_("unknown columns: %s") % ", ".join(unknown))
        if duplicated:
            parts.append(_("repeated columns: %s") % ", ".join(duplicated))
        raise TableError(
            _("The header row does not match the directory format (%(problems)s).")
            % {"problems": "; ".join(parts)}
        )

    valid, problems = [], []
    seen = _SeenRows()
    next_line = 2
    while True:
        line = next_line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise TableError(
                _("Line %(line)s is not valid CSV: %(error)s")
                % {"line": line, "error": error}
            ) from error
        next_line = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if len(cells) != len(header):
            problems.append(
                RowProblem(
                    line,
                    [
                        _("This row has %(found)s cells; the header has %(expected)s.")
                        % {"found": len(cells), "expected": len(header)}
                    ],
                )
            )
            continue
        cells = [unsafe_cell(cell) for cell in cells]
        form = OrganizationRowForm(dict(zip(header, cells, strict=True)))
        if not form.is_valid():
            problems.append(RowProblem(line, _form_messages(form)))
            continue
        duplicate_of = seen.add(line, form.cleaned_data)
        if duplicate_of:
            problems.append(
                RowProblem(
                    line,
                    [
                        _("Duplicate of line %(line)s (%(reason)s).")
                        % {"line": duplicate_of[0], "reason": duplicate_of[1]}
                    ],
                )
            )
            continue
        valid.append(ValidRow(line, form.cleaned_data))
    if not valid and not problems:
        raise TableError(_("The file has a header but no organizations."))
    return valid, problems


class _SeenRows:
    """Remembers rows by the keys an import matches on, to spot duplicates."""

    def __init__(self):
        self.keys = {}

    def add(self, line, data):
        keys = [(("slug", data["slug"]), _("same slug"))]
        if data["identification_code"]:
            keys.append(
                (
                    ("code", data["identification_code"]),
                    _("same identification code"),
                )
            )
        else:
            for municipality in data["municipalities"]:
                keys.append(
                    (
                        ("name", data["name_ka"].casefold(), municipality.pk),
                        _("same name and municipality"),
                    )
                )
        for key, reason in keys:
            if key in self.keys:
                return self.keys[key], reason
        for key, _reason in keys:
            self.keys[key] = line
        return None


# Import ------------------------------------------------------------------


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


def find_existing(data, georgian):
    """The Georgian organization a row describes: by code, else name + place."""
    organizations = Organization.objects.filter(locale=georgian)
    code = data["identification_code"]
    if code:
        match = organizations.filter(identification_code=code).first()
        if match:
            return match
    return (
        organizations.filter(
            name__iexact=data["name_ka"],
            municipalities__in=data["municipalities"],
        )
        .filter(identification_code__in=["", code])
        .distinct()
        .first()
    )


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


def _publish(organization, values, data, result, line):
    """Set the values and publish them the way the admin does (revision + publish)."""
    if organization.pk and organization.has_unpublished_changes:
        result.notes.append(
            _(
                "Line %(line)s: the unpublished draft of “%(name)s” was replaced "
                "by the imported values."
            )
            % {"line": line, "name": organization.name}
        )
    for field, value in values.items():
        setattr(organization, field, value)
    organization.municipalities.set(data["municipalities"])
    organization.fields_of_work.set(data["fields_of_work"])
    if organization.pk is None:
        organization.save()
    organization.save_revision().publish(skip_permission_checks=True)


def _check_conflicts(row, organization, georgian):
    """Database rules a row can break even though it is well-formed itself."""
    messages = []
    others = Organization.objects.filter(locale=georgian)
    if organization is not None:
        others = others.exclude(pk=organization.pk)
    if others.filter(slug=row.data["slug"]).exists():
        messages.append(
            _("slug: another organization already uses “%(slug)s”.")
            % {"slug": row.data["slug"]}
        )
    code = row.data["identification_code"]
    if code and others.filter(identification_code=code).exists():
        messages.append(
            _("identification_code: another organization already has %(code)s.")
            % {"code": code}
        )
    return messages


def plan_import(valid_rows):
    """Pair each valid row with the organization it updates (or None).

    Returns (plan, problems): rows that clash with the database, or that
    match an organization another row of the file already matched, are
    problems.
    """
    georgian = _locale("ka")
    plan, problems, matched = [], [], {}
    for row in valid_rows:
        organization = find_existing(row.data, georgian)
        conflicts = _check_conflicts(row, organization, georgian)
        if organization is not None and organization.pk in matched:
            conflicts.append(
                _("Duplicate of line %(line)s (same organization).")
                % {"line": matched[organization.pk]}
            )
        if conflicts:
            problems.append(RowProblem(row.line, conflicts))
            continue
        if organization is not None:
            matched[organization.pk] = row.line
        plan.append((row, organization))
    return plan, problems


@transaction.atomic
def import_rows(plan):
    """Create or update organizations (and English translations) from a plan.

    Unchanged organizations are not saved at all, so re-importing a file
    adds no revisions and no history.
    """
    georgian, english = _locale("ka"), _locale("en")
    result = ImportResult()
    for row, organization in plan:
        data = row.data
        outcome = "unchanged"
        values = _desired_values(data, "ka")
        if organization is None:
            organization = Organization(locale=georgian)
            outcome = "created"
        elif _differs(organization, values, data):
            outcome = "updated"
        if outcome != "unchanged":
            _publish(organization, values, data, result, row.line)

        if data["name_en"]:
            translation = organization.get_translation_or_none(english)
            values_en = _desired_values(data, "en")
            if translation is None:
                translation = organization.copy_for_translation(english)
            if translation.pk is None or _differs(translation, values_en, data):
                _publish(translation, values_en, data, result, row.line)
                if outcome == "unchanged":
                    outcome = "updated"
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result
