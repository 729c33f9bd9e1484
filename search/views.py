from django.template.response import TemplateResponse


def search(request):
    """Placeholder until the search app lands (issue 5)."""
    return TemplateResponse(request, "search/search.html", {"query": ""})
