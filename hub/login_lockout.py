"""Login lockout (django-axes): which client address a sign-in comes from.

The same address the public forms' rate limits count (`CLIENT_IP_HEADER`
behind a reverse proxy, else the connection's own address), so one setting
decides both.
"""

from django.conf import settings


def client_address(request):
    header = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    if not isinstance(header, str):
        header = "REMOTE_ADDR"
    # A proxy's list ("client, proxy1, …") starts with the client.
    return request.META.get(header, "").split(",")[0].strip()
