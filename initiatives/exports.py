"""Published initiatives as open data: CSV and JSON of their public fields.

Filtered like the public list (same FilterSet). The author appears only as
they chose to be shown; no e-mail, phone or private name ever leaves here.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hub import tabular

from .forms import PublicInitiativeFilterSet
from .models import Initiative

COLUMNS = [
    "id",
    "url",
    "language",
    "title",
    "summary",
    "problem",
    "solution",
    "request_to_municipality",
    "municipality",
    "topics",
    "supporting_organization",
    "stage",
    "stage_label",
    "submitted_on",
    "accepted_on",
    "stage_changed_on",
    "author",
    "advocacy_steps",
]


def _date(value):
    return value.date().isoformat() if value else None


def public_record(initiative, request):
    """One published initiative as a dict of public values only."""
    organization = initiative.supporting_organization
    return {
        "id": initiative.pk,
        "url": request.build_absolute_uri(initiative.get_absolute_url()),
        "language": initiative.language,
        "title": initiative.title,
        "summary": initiative.summary,
        "problem": initiative.problem,
        "solution": initiative.solution,
        "request_to_municipality": initiative.request_to_municipality,
        "municipality": initiative.municipality.name,
        "topics": [topic.name for topic in initiative.topics.all()],
        "supporting_organization": (
            organization.name if organization and organization.live else None
        ),
        "stage": initiative.stage,
        "stage_label": str(initiative.get_stage_display()),
        "submitted_on": _date(initiative.submitted_at),
        "accepted_on": _date(initiative.accepted_at),
        "stage_changed_on": _date(initiative.stage_changed_at),
        "author": str(initiative.public_author),
        "advocacy_steps": [
            {
                "date": step.date.isoformat(),
                "step": step.kind,
                "label": str(step.label),
                "text": step.text,
                "letter": (
                    request.build_absolute_uri(step.letter.url) if step.letter else None
                ),
            }
            for step in initiative.advocacy_steps.all()
        ],
    }


def exported(request):
    """(list of records, None) or (None, a 400 response in plain words)."""
    language = request.GET.get("language", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        return None, HttpResponseBadRequest(
            _("Unknown language."), content_type="text/plain; charset=utf-8"
        )
    with translation.override(language):
        filterset = PublicInitiativeFilterSet(
            request.GET, queryset=Initiative.objects.public()
        )
        if not filterset.is_valid():
            lines = [_("The filters could not be applied:")]
            for field, errors in filterset.errors.items():
                lines += [f"{field}: {error}" for error in errors]
            return None, HttpResponseBadRequest(
                "\n".join(lines), content_type="text/plain; charset=utf-8"
            )
        return [public_record(item, request) for item in filterset.qs], None


def _cell(value):
    """A record's value as one spreadsheet cell (steps one per line)."""
    if isinstance(value, list):
        return "\n".join(
            " — ".join(filter(None, [step["date"], step["label"], step["text"]]))
            if isinstance(step, dict)
            else step
            for step in value
        )
    return value


@require_GET
def initiatives_csv(request):
    records, error = exported(request)
    if error:
        return error
    return tabular.csv_response(
        "initiatives.csv",
        COLUMNS,
        ([_cell(record[column]) for column in COLUMNS] for record in records),
    )


@require_GET
def initiatives_json(request):
    records, error = exported(request)
    if error:
        return error
    return tabular.json_response("initiatives.json", records)
