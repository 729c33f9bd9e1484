"""The directory as a CSV table: one row per organization, both languages.

The same columns serve `export_directory` and `import_directory`, so an
export re-imports without loss. Only public fields are columns (see
`directory.public_fields`); the logo is not part of the table.
"""

import codecs
import csv

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
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
    """A ";"-separated list of slugs of a taxonomy model, checked against it.

    The model's rows are read once per field (one import), not once per row.
    """

    def __init__(self, model, unknown_message, **kwargs):
        self.model = model
        self.unknown_message = unknown_message
        self._by_slug = None
        super().__init__(**kwargs)

    def _items(self):
        if self._by_slug is None:
            self._by_slug = {item.slug: item for item in self.model.objects.all()}
        return self._by_slug

    def clean(self, value):
        value = super().clean(value)
        slugs = [s.strip() for s in value.split(SEPARATOR) if s.strip()]
        found = self._items()
        unknown = [s for s in slugs if s not in found]
        if unknown:
            raise forms.ValidationError(
                self.unknown_message
                % {"unknown": ", ".join(unknown), "known": ", ".join(found)}
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
    """One CSV row, validated like the admin form validates an organization.

    Declares the columns' fields; `RowValidator` uses one instance of it for
    a whole file (a form per row costs a deep copy of every field).
    """

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
        return with_default_slug(super().clean())


def with_default_slug(data):
    """A row without a slug gets one from its (English, else Georgian) name."""
    if not data.get("slug") and data.get("name_ka"):
        data["slug"] = slugify(
            data.get("name_en") or data["name_ka"], allow_unicode=True
        )[:255]
    return data


class RowValidator:
    """Validates rows with the fields of one `OrganizationRowForm`.

    The same fields, in the same order, with the same messages as the form
    (Django's `_clean_fields`), at a fraction of the cost of a form per row.
    """

    def __init__(self):
        self.fields = list(OrganizationRowForm().fields.items())

    def validate(self, values):
        """(cleaned data, []) for a good row, (None, messages) for a bad one."""
        data, messages = {}, []
        for name, field in self.fields:
            try:
                data[name] = field.clean(values.get(name))
            except forms.ValidationError as error:
                messages.extend(f"{name}: {message}" for message in error.messages)
        if messages:
            return None, messages
        return with_default_slug(data), []


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


def check_text(path, chunk_size=1 << 20):
    """Raise TableError unless the file is UTF-8 text with something in it.

    Reads the file in chunks (memory stays bounded whatever its size) and
    reports the first bad byte by its position in the file.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, empty = 0, True
    with open(path, "rb") as source:
        while True:
            chunk = source.read(chunk_size)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                raise TableError(
                    _(
                        "The file is not UTF-8 text (byte %(position)s). Save it "
                        "as “CSV UTF-8” and try again."
                    )
                    % {"position": offset - pending + error.start}
                ) from error
            if "\x00" in text:
                raise TableError(_("The file is not a CSV text file."))
            if empty and text.replace("\ufeff", "").strip():
                empty = False
            if not chunk:
                break
            offset += len(chunk)
    if empty:
        raise TableError(_("The file is empty."))


def _check_header(reader):
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
    return header


def read_table(path, validator=None):
    """Stream the rows of a CSV file: a ValidRow or a RowProblem per row.

    Call `check_text(path)` first. Rows are read one at a time, so memory
    does not grow with the file; only the keys of the rows already seen are
    kept, to report duplicates. Raises TableError when the file as a whole
    is unusable.
    """
    validator = validator or RowValidator()
    with open(path, encoding="utf-8-sig", newline="") as source:
        reader = csv.reader(source)
        header = _check_header(reader)
        seen = _SeenRows()
        next_line, rows = 2, 0
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
            rows += 1
            yield _read_row(line, header, cells, validator, seen)
    if not rows:
        raise TableError(_("The file has a header but no organizations."))


def _read_row(line, header, cells, validator, seen):
    if len(cells) != len(header):
        return RowProblem(
            line,
            [
                _("This row has %(found)s cells; the header has %(expected)s.")
                % {"found": len(cells), "expected": len(header)}
            ],
        )
    cells = [unsafe_cell(cell) for cell in cells]
    data, messages = validator.validate(dict(zip(header, cells, strict=True)))
    if messages:
        return RowProblem(line, messages)
    duplicate_of = seen.add(line, data)
    if duplicate_of:
        return RowProblem(
            line,
            [
                _("Duplicate of line %(line)s (%(reason)s).")
                % {"line": duplicate_of[0], "reason": duplicate_of[1]}
            ],
        )
    return ValidRow(line, data)


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
