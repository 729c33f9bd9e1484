"""OpenAPI schema of the public API only (not Wagtail's internal admin APIs)."""

PUBLIC_API_PREFIX = "/api/"


def public_api_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: keep the endpoints under /api/."""
    return [
        endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)
    ]
