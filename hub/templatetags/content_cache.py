"""`{% public_content "part" %}…{% endpublic_content %}`: a part of a page
("head", "header", "content", "footer") from the content cache
(hub/content_cache.py) when the page's view declares it the same for every
visitor; rendered as usual otherwise."""

from django import template

from hub import content_cache

register = template.Library()


class PublicPartNode(template.Node):
    def __init__(self, nodelist, part):
        self.nodelist = nodelist
        self.part = part

    def render(self, context):
        if not content_cache.applies(context):
            return self.nodelist.render(context)
        return content_cache.rendered(
            context["request"], lambda: self.nodelist.render(context), self.part
        )


@register.tag
def public_content(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or len(bits[1]) < 3 or bits[1][0] not in "'\"":
        raise template.TemplateSyntaxError(
            '{% public_content "part" %} takes the name of the part, quoted'
        )
    nodelist = parser.parse(("endpublic_content",))
    parser.delete_first_token()
    return PublicPartNode(nodelist, bits[1][1:-1])
