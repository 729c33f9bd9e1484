"""`{% public_content %}…{% endpublic_content %}`: content the same for every
visitor, from the content cache (hub/content_cache.py) when the view
declares it public."""

from django import template

from hub import content_cache

register = template.Library()


class PublicContentNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        if not content_cache.applies(context):
            return self.nodelist.render(context)
        return content_cache.rendered(
            context["request"], lambda: self.nodelist.render(context)
        )


@register.tag
def public_content(parser, token):
    nodelist = parser.parse(("endpublic_content",))
    parser.delete_first_token()
    return PublicContentNode(nodelist)
