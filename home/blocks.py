"""The one StreamField vocabulary every page body is written in.

Each block is a StructBlock with its own template in site/templates/blocks/ and
a preview value, so editors see what they pick in the block chooser. Block names
in `BodyBlock` are chosen once: renaming one needs a data migration.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; h2 or h3 so the page outline stays correct."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
        help_text=_("Sections are h2, subsections h3."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A heading that starts a section of the page.")
        preview_value = {"text": _("What is the Association Agreement?"), "level": "h2"}


class ParagraphBlock(blocks.StructBlock):
    """Running text with links and lists."""

    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        description = _("Text with bold, italics, links and lists.")
        preview_value = {
            "text": "<p>The hub unites the civil-society organizations of "
            "the eight municipalities of Kakheti.</p>"
        }


class ImageBlock(blocks.StructBlock):
    """A photo with a caption and credit."""

    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        label=_("caption"), required=False, max_length=250, help_text=_("Optional.")
    )
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=120,
        help_text=_("Photographer or source."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("A photo with an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    """Words of a participant or partner, attributed."""

    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        required=False,
        max_length=200,
        help_text=_("Who said it."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation with the name of who said it.")
        preview_value = {
            "text": _("Volunteering starts in your own community."),
            "attribution": _("A participant of the volunteering forum"),
        }


class EmbedBlock(blocks.StructBlock):
    """A video or post from another site; a plain link remains when offline."""

    embed = WagtailEmbedBlock(
        label=_("address"), help_text=_("Link to a video or post, e.g. on YouTube.")
    )
    caption = blocks.CharBlock(
        label=_("caption"), required=False, max_length=250, help_text=_("Optional.")
    )

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed_block.html"
        description = _("A video or post embedded from another site.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=200,
        help_text=_("Shown instead of the document's own title."),
    )


class DocumentListBlock(blocks.StructBlock):
    """Downloadable documents (agreements, guides, reports) in one list."""

    heading = blocks.CharBlock(
        label=_("heading"), required=False, max_length=200, help_text=_("Optional.")
    )
    documents = blocks.ListBlock(DocumentBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "blocks/document_list_block.html"
        description = _("A list of documents visitors can download.")


class CallToActionBlock(blocks.StructBlock):
    """A highlighted invitation to act, leading to a page or an address."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False, help_text=_("Optional."))
    button_text = blocks.CharBlock(label=_("button text"), max_length=80)
    page = blocks.PageChooserBlock(
        label=_("page"), required=False, help_text=_("A page of this site, or…")
    )
    url = blocks.URLBlock(
        label=_("address"), required=False, help_text=_("…an address elsewhere.")
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        description = _("An invitation with a button, e.g. to register or volunteer.")
        preview_value = {
            "title": _("Become a volunteer"),
            "text": _("Join the time bank of Kakheti."),
            "button_text": _("Register"),
            "url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose either a page or an address."))
                }
            )
        return value


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (an accordion)."""

    heading = blocks.CharBlock(
        label=_("heading"), required=False, max_length=200, help_text=_("Optional.")
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/faq_block.html"
        description = _("Frequently asked questions, each opening on click.")
        preview_value = {
            "heading": _("Frequently asked questions"),
            "questions": [
                {
                    "question": _("What is the DCFTA?"),
                    "answer": "<p>A free trade area between Georgia and the EU.</p>",
                }
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    """One number that tells what the hub did, with what it counts."""

    value = blocks.CharBlock(
        label=_("figure"), max_length=20, help_text=_("e.g. 5,000+ or ~100.")
    )
    label = blocks.CharBlock(
        label=_("what it counts"),
        max_length=200,
        help_text=_("e.g. participants in trainings and meetings."),
    )

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/key_figure_block.html"
        description = _("A number with what it counts, e.g. meetings held.")
        preview_value = {"value": "5,000+", "label": _("participants")}


class BodyBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
    documents = DocumentListBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    key_figure = KeyFigureBlock()


class FiguresBlock(blocks.StreamBlock):
    """The hub's figures on the home page: key figures only."""

    key_figure = KeyFigureBlock()
