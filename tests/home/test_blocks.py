"""The StreamField vocabulary: every block renders, and previews in the chooser."""

import pytest

from home.blocks import BodyBlock
from home.factories import ImageFactory, StandardPageFactory


def test_every_block_renders_on_a_page(client, home_pages, indexes):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="გზამკვლევი")
    document.file.save("guide.txt", ContentFile(b"text"), save=False)
    document.save()
    image = ImageFactory(title="ფოტო")
    body = [
        {"type": "heading", "value": {"text": "სათაური", "level": "h3"}},
        {"type": "paragraph", "value": {"text": "<p>აბზაცი</p>"}},
        {"type": "image", "value": {"image": image.pk, "caption": "წარწერა"}},
        {"type": "quote", "value": {"text": "ციტატა", "attribution": "ავტორი"}},
        {
            "type": "documents",
            "value": {
                "heading": "დოკუმენტები",
                "documents": [{"document": document.pk}],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "მოდით",
                "button_text": "ღონისძიებები",
                "page": indexes["events"]["ka"].pk,
            },
        },
        {
            "type": "faq",
            "value": {"questions": [{"question": "რა?", "answer": "<p>ეს.</p>"}]},
        },
        {"type": "key_figure", "value": {"value": "5,000+", "label": "მონაწილე"}},
    ]
    page = StandardPageFactory(parent=home_pages["ka"], slug="blocks", body=body)
    html = client.get(page.url).content.decode()
    assert "<h3>სათაური</h3>" in html
    assert "აბზაცი" in html
    assert "წარწერა" in html and "<img" in html
    assert "<blockquote><p>ციტატა</p></blockquote>" in html
    assert document.url in html and "download" in html
    assert 'href="/events/"' in html
    assert "<details" in html and "<summary>რა?</summary>" in html
    assert "<strong>5,000+</strong>" in html


def test_call_to_action_needs_a_page_or_an_address():
    from wagtail.blocks import StructBlockValidationError

    block = BodyBlock().child_blocks["call_to_action"]
    value = block.to_python({"title": "t", "button_text": "b", "page": None, "url": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.parametrize(
    "name", ["heading", "paragraph", "quote", "call_to_action", "faq", "key_figure"]
)
def test_block_previews_in_the_chooser(admin_client, name):
    block = BodyBlock().child_blocks[name]
    assert block.is_previewable
    assert block.get_description()
    response = admin_client.get(
        "/admin/block-preview/", {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert "css/site.css" in response.content.decode()
