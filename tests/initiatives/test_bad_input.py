"""Bad input of every kind: a clear error, no 500, nothing half-saved."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from initiatives import uploads
from initiatives.models import Initiative
from tests.initiatives.public_helpers import (
    SUBMIT_URL,
    SUBMIT_URL_EN,
    counts,
    empty_cache,  # noqa: F401
    files_on_disk,
    form_data,
    pdf,
    png,
    png_bytes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

REQUIRED = [
    "title",
    "summary",
    "problem",
    "solution",
    "request_to_municipality",
    "municipality",
    "author_name",
    "author_email",
    "public_name",
    "consent",
]


def assert_nothing_saved(settings):
    assert counts() == (0, 0)
    assert files_on_disk(settings) == []
    assert mail.outbox == []


def test_an_empty_form_marks_every_required_field(client, settings):
    response = client.post(
        SUBMIT_URL_EN, {"submission_key": form_data()["submission_key"]}
    )

    assert response.status_code == 200
    content = response.content.decode()
    for name in REQUIRED:
        assert f'id="id_{name}_error"' in content, name
    assert "Please correct the errors marked below" in content
    assert_nothing_saved(settings)


@pytest.mark.parametrize("missing", REQUIRED)
def test_each_missing_field_is_marked_and_the_rest_kept(client, settings, missing):
    data = form_data(title="My typed title", summary="My typed summary")
    data.pop(missing)

    response = client.post(SUBMIT_URL_EN, data)

    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{missing}_error"' in content
    assert content.count('class="errorlist"') == 1
    assert "My typed summary" in content or missing == "summary"
    assert 'value="My typed title"' in content or missing == "title"
    assert_nothing_saved(settings)


def test_errors_are_in_georgian_on_the_georgian_form(client, settings):
    response = client.post(SUBMIT_URL, form_data(consent=None, author_email="x"))

    content = response.content.decode()
    assert 'id="id_consent_error"' in content
    assert "We can only accept the initiative with your consent." not in content
    assert_nothing_saved(settings)


@pytest.mark.parametrize(
    "email", ["not-an-email", "a@b", "nino@@example.org", "<script>@x.org"]
)
def test_an_invalid_email_is_refused(client, settings, email):
    response = client.post(SUBMIT_URL_EN, form_data(author_email=email))

    assert response.status_code == 200
    assert 'id="id_author_email_error"' in response.content.decode()
    assert_nothing_saved(settings)


@pytest.mark.parametrize("phone", ["call me maybe", "12", "+995<script>"])
def test_an_invalid_phone_is_refused(client, settings, phone):
    response = client.post(SUBMIT_URL_EN, form_data(author_phone=phone))

    assert 'id="id_author_phone_error"' in response.content.decode()
    assert_nothing_saved(settings)


def test_text_longer_than_allowed_is_refused(client, settings):
    response = client.post(SUBMIT_URL_EN, form_data(title="x" * 201))

    assert 'id="id_title_error"' in response.content.decode()
    assert_nothing_saved(settings)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            pdf("big.pdf", size=uploads.MAX_SIZE + 1),
            "is too large",
        ),
        (
            SimpleUploadedFile(
                "invoice.pdf",
                b"<html><script>alert(1)</script></html>",
                "application/pdf",
            ),
            "is not an image or a PDF file",
        ),
        (
            SimpleUploadedFile(
                "setup.png", b"MZ\x90\x00\x03" + b"\x00" * 64, "image/png"
            ),
            "is not an image or a PDF file",
        ),
        (
            SimpleUploadedFile("photo.jpg", png_bytes(), "image/jpeg"),
            "is not an image or a PDF file",
        ),
        (
            SimpleUploadedFile(
                "broken.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 10, "image/png"
            ),
            "is not an image or a PDF file",
        ),
        (
            SimpleUploadedFile(
                "page.svg", b"<svg onload=alert(1)></svg>", "image/svg+xml"
            ),
            "is not an image or a PDF file",
        ),
        (SimpleUploadedFile("empty.pdf", b"", "application/pdf"), "empty"),
    ],
    ids=[
        "oversized",
        "html-as-pdf",
        "exe-as-png",
        "wrong-extension",
        "broken",
        "svg",
        "empty",
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_saved(
    client, settings, upload, message
):
    response = client.post(
        SUBMIT_URL_EN,
        form_data(title="Kept title", attachments=[png("ok.png"), upload]),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_attachments_error"' in content
    assert message in content
    assert "please select them again" in content
    assert 'value="Kept title"' in content
    assert_nothing_saved(settings)


def test_too_many_attachments(client, settings):
    files = [png(f"p{n}.png") for n in range(uploads.MAX_FILES + 1)]

    response = client.post(SUBMIT_URL_EN, form_data(attachments=files))

    assert "at most 5 files" in response.content.decode()
    assert_nothing_saved(settings)


def test_script_in_text_fields_is_stored_as_text(client):
    script = "<script>alert('x')</script>"
    response = client.post(
        SUBMIT_URL_EN, form_data(title=script, problem=f"Dark road {script}")
    )

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.title == script
    assert initiative.problem == f"Dark road {script}"
    track = client.get(f"/en/initiatives/track/{initiative.tracking_token}/")
    assert "<script>alert" not in track.content.decode()
    assert "&lt;script&gt;alert" in track.content.decode()


def test_script_is_escaped_when_the_form_is_shown_again(client):
    response = client.post(
        SUBMIT_URL_EN, form_data(title='"><script>alert(1)</script>', consent=None)
    )

    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert "&quot;&gt;&lt;script&gt;" in content


def test_a_bad_submission_key_is_an_error_not_a_crash(client):
    from initiatives.factories import InitiativeFactory

    paper = InitiativeFactory()  # entered by staff: no submission key
    Initiative.objects.filter(pk=paper.pk).update(submission_key=None)

    response = client.post(SUBMIT_URL_EN, form_data(submission_key="not-a-uuid"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "The form was incomplete. Please send it again." in content
    assert 'value="not-a-uuid"' not in content  # a fresh key to send it with
    assert Initiative.objects.count() == 1


def test_bad_choices_are_refused(client, settings):
    response = client.post(
        SUBMIT_URL_EN,
        form_data(
            municipality="999999",
            topics=["abc"],
            supporting_organization="424242",
            public_name="everyone",
        ),
    )

    content = response.content.decode()
    for name in ("municipality", "topics", "supporting_organization", "public_name"):
        assert f'id="id_{name}_error"' in content, name
    assert_nothing_saved(settings)


def test_a_failure_while_saving_leaves_nothing_behind(client, settings, monkeypatch):
    from initiatives import journey

    original = journey.CreateAction.execute

    def execute_then_fail(self, *args, **kwargs):
        original(self, *args, **kwargs)
        raise RuntimeError("database went away")

    monkeypatch.setattr(journey.CreateAction, "execute", execute_then_fail)
    client.raise_request_exception = False

    response = client.post(SUBMIT_URL_EN, form_data(attachments=[png(), pdf()]))

    assert response.status_code == 500
    assert_nothing_saved(settings)
