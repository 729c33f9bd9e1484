"""Shared helpers of the public-side initiative tests: form data and files."""

import io
import uuid

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from initiatives import factories
from initiatives.models import Initiative, InitiativeAttachment
from taxonomy.factories import municipality

SUBMIT_URL = "/initiatives/submit/"  # Georgian, the default language
SUBMIT_URL_EN = "/en/initiatives/submit/"


@pytest.fixture
def empty_cache():
    """Rate-limit counters live in the (in-memory) cache: start each test clean."""
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides):
    """A complete, valid submission as a browser would post it."""
    data = {
        "title": "მზის ფანრები სკოლის გზაზე",
        "summary": "სკოლისკენ მიმავალ გზაზე განათება.",
        "problem": "ზამთარში გზა ბნელია.",
        "solution": "თორმეტი მზის ფანარი.",
        "request_to_municipality": "შეიტანოს ფანრები მომავალი წლის ბიუჯეტში.",
        "municipality": str(municipality("telavi").pk),
        "author_name": "ნინო ბერიძე",
        "author_email": "nino@example.org",
        "author_phone": "+995 555 12 34 56",
        "public_name": Initiative.PublicName.FULL_NAME,
        "consent": "on",
        "homepage": "",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def png(name="photo.png"):
    return SimpleUploadedFile(name, png_bytes(), "image/png")


def pdf(name="plan.pdf", size=None):
    content = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
    if size:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, "application/pdf")


def files_on_disk(settings):
    """Every file under the public and the private media folders."""
    return sorted(
        path
        for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        if root.exists()
        for path in root.rglob("*")
        if path.is_file()
    )


def counts():
    return Initiative.objects.count(), InitiativeAttachment.objects.count()


def published(steps=(), **kwargs):
    """A live initiative: moderated and accepted by the council, as in life."""
    initiative = factories.accepted(**kwargs)
    for kind, extra in steps:
        factories.add_step(initiative, kind, **extra)
    initiative.refresh_from_db()
    return initiative
