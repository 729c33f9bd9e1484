"""The overview of Kakheti's eight municipalities, with organization counts."""

from django import template
from django.urls import reverse

from hub import content_cache

register = template.Library()

# A schematic map, not a survey: each municipality is a polygon placed
# roughly where it lies (north up), with the point where its label goes.
# Drawn by hand so the page needs no map service and works offline.
SHAPES = {
    "akhmeta": ("40,20 260,20 260,150 200,190 120,200 40,160", (140, 100)),
    "kvareli": ("260,20 400,80 420,150 330,190 260,150", (335, 120)),
    "lagodekhi": ("400,80 540,130 560,230 470,240 420,150", (485, 175)),
    "telavi": ("200,190 260,150 330,190 300,250 220,240", (262, 208)),
    "gurjaani": ("330,190 420,150 470,240 400,280 300,250", (385, 225)),
    "sagarejo": (
        "40,160 120,200 200,190 220,240 300,250 260,330 100,320 40,260",
        (140, 265),
    ),
    "sighnaghi": ("300,250 400,280 470,240 480,320 380,350 260,330", (375, 300)),
    "dedoplistskaro": (
        "260,330 380,350 480,320 560,360 520,410 300,410",
        (410, 380),
    ),
}


@register.inclusion_tag("directory/includes/municipality_map.html")
def municipality_map(municipalities, selected=""):
    """`municipalities` carry `.organization_count` (see views.municipality_counts)."""
    index_url = reverse("directory:index")
    areas = []
    for municipality in municipalities:
        points, (x, y) = SHAPES.get(municipality.slug, ("", (0, 0)))
        areas.append(
            {
                "municipality": municipality,
                "count": municipality.organization_count,
                "url": f"{index_url}?municipality={municipality.slug}",
                "points": points,
                "x": x,
                "y": y,
                "selected": municipality.slug == selected,
            }
        )
    # The list reads in alphabetical order of the visitor's language.
    listed = sorted(areas, key=lambda area: area["municipality"].name)
    return {"areas": areas, "listed": listed, "index_url": index_url}


@register.simple_tag
def organization_alternate_urls(organization):
    """{language: path} of the organization's page in each language."""
    from directory.sitemaps import organization_alternate_paths

    return content_cache.data(
        "organization-alternates",
        organization.translation_key,
        build=lambda: organization_alternate_paths(organization),
    )
