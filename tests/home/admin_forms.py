"""Form data for the Wagtail page editor, as a browser would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.test.utils.form_data import streamfield as stream


def page_form(title, slug, publish=True, **fields):
    data = {
        "title": title,
        "slug": slug,
        "comments": inline_formset([]),
        **fields,
    }
    if publish:
        data["action-publish"] = "publish"
    return nested_form_data(data)


def body(*texts):
    """A StreamField body of one heading and paragraphs."""
    return stream(
        [("heading", {"text": "სათაური", "level": "h2"})]
        + [("paragraph", {"text": rich_text(f"<p>{text}</p>")}) for text in texts]
    )
