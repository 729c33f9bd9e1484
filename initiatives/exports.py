"""Published initiatives as open data: CSV and JSON of their public fields.

Filtered like the public list (same FilterSet); a filtered download is built
in the request (the filter bounds it). The full one of each language (no
filter) is a stored file built by a background task
(`initiatives.tasks.build_open_data_files`), served only while current
(`hub.stored_downloads`). Whatever the files show moves their version when
it is written: an initiative published, changed, unpublished or deleted (its
stage, its topics, its advocacy steps and their letters), a municipality or
topic, a supporting organization (its name, whether it is live), a migration.

The author appears only as they chose to be shown; no e-mail, phone or
private name ever leaves here.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from directory.models import Organization
from hub import tabular
from hub.history import is_bookkeeping_save
from hub.stored_downloads import StoredDownloads
from taxonomy.models import Municipality, Topic

from .forms import PublicInitiativeFilterSet
from .models import AdvocacyStep, Initiative

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


def public_records(initiatives, request, language):
    """The public records of `initiatives`, labels in `language`."""
    with translation.override(language):
        return [public_record(item, request) for item in initiatives]


def _csv(records):
    return tabular.csv_response(
        "initiatives.csv",
        COLUMNS,
        ([_cell(record[column]) for column in COLUMNS] for record in records),
    )


def _json(records):
    return tabular.json_response("initiatives.json", records)


#: Format -> the download of public records (an HttpResponse).
FORMATS = {"csv": _csv, "json": _json}

DOWNLOADS = StoredDownloads(
    "initiatives",
    task="initiatives.tasks.build_open_data_files",
    languages=lambda: [code for code, _name in settings.LANGUAGES],
    items=lambda language, request: public_records(
        Initiative.objects.public(), request, language
    ),
    formats=FORMATS,
)


def download(request, fmt):
    """The download in `fmt`, or a 400 response in plain words for an unknown
    language or a filter that cannot be applied."""
    language = request.GET.get("language", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(
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
            return HttpResponseBadRequest(
                "\n".join(lines), content_type="text/plain; charset=utf-8"
            )
    if not any(filterset.form.cleaned_data.values()):
        stored = DOWNLOADS.stored_response(request, language, fmt)
        if stored is not None:
            return stored
    return FORMATS[fmt](public_records(filterset.qs, request, language))


@require_GET
def initiatives_csv(request):
    return download(request, "csv")


@require_GET
def initiatives_json(request):
    return download(request, "json")


# --- What moves the version -----------------------------------------------------


def initiative_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Nothing public: a submission never published (moderation moves its
    # stage), or a draft revision or a lock (Wagtail's bookkeeping).
    if not instance.live and instance.first_published_at is None:
        return
    if is_bookkeeping_save(update_fields):
        return
    DOWNLOADS.changed(raw=raw)


def initiative_deleted(sender, instance, **kwargs):
    if instance.live:
        DOWNLOADS.changed()


def organization_changed(
    sender, instance, raw=False, created=False, update_fields=None, **kwargs
):
    """post_save and pre_delete (deleting it empties the initiatives' field in
    SQL): the files show a supporting organization's name, if it is live."""
    if raw:
        DOWNLOADS.changed(raw=raw)
    elif not created and not is_bookkeeping_save(update_fields):
        supported = Initiative.objects.filter(
            supporting_organization=instance, live=True
        )
        if supported.exists():
            DOWNLOADS.changed()


def letter_changed(sender, instance, raw=False, **kwargs):
    """post_save and pre_delete of a document (deleting it empties the
    steps' letter in SQL): the files link an advocacy step's letter."""
    if raw or AdvocacyStep.objects.filter(letter_id=instance.pk).exists():
        DOWNLOADS.changed(raw=raw)


def connect_signals():
    """Module-level receivers: signals keep only weak references."""
    from django.db.models.signals import (
        m2m_changed,
        post_delete,
        post_save,
        pre_delete,
    )

    uid = "initiatives.open_data"
    post_save.connect(initiative_saved, sender=Initiative, dispatch_uid=uid)
    post_delete.connect(initiative_deleted, sender=Initiative, dispatch_uid=uid)
    m2m_changed.connect(
        DOWNLOADS.relation_changed, sender=Initiative.topics.through, dispatch_uid=uid
    )
    for model in (AdvocacyStep, Municipality, Topic):
        post_save.connect(DOWNLOADS.changed, sender=model, dispatch_uid=uid)
        post_delete.connect(DOWNLOADS.changed, sender=model, dispatch_uid=uid)
    post_save.connect(organization_changed, sender=Organization, dispatch_uid=uid)
    pre_delete.connect(organization_changed, sender=Organization, dispatch_uid=uid)
    letter = AdvocacyStep._meta.get_field("letter").related_model
    post_save.connect(letter_changed, sender=letter, dispatch_uid=uid)
    pre_delete.connect(letter_changed, sender=letter, dispatch_uid=uid)
